"""The metering example of docs/metering.md through the fixtures alone: three notebooks
(KernelGateway apps) of one user profile, an hour apart, all shut down at 3 h. Studio bills instances, not notebooks:
the two ml.t3.medium kernels share one instance (0-3 h), the ml.m5.large one starts another
(2-3 h), so the bill is 3 h x $0.05 + 1 h x $0.115 = $0.265 in us-east-1."""

ROLE = "arn:aws:iam::000000000000:role/service-role/AmazonSageMaker-ExecutionRole-20200501T153453"
HOUR = 3600


def start_kernel(sm, domain_id, user, name, instance_type):
    sm.create_app(
        DomainId=domain_id,
        UserProfileName=user,
        AppType="KernelGateway",
        AppName=name,
        ResourceSpec={"InstanceType": instance_type},
    )


def test_three_notebooks_bill_three_hours_of_t3_medium_and_one_of_m5_large(
    sagemaker_client, studio_clock, studio_usage
):
    sm = sagemaker_client
    domain_id = sm.create_domain(
        DomainName="metering", AuthMode="IAM", DefaultUserSettings={"ExecutionRole": ROLE}
    )["DomainId"]
    studio_clock.advance(1)  # --delays fast (pytest.ini): one simulated second per transition
    assert sm.describe_domain(DomainId=domain_id)["Status"] == "InService"

    sm.create_user_profile(DomainId=domain_id, UserProfileName="data-scientist")
    studio_clock.advance(1)
    profile = sm.describe_user_profile(DomainId=domain_id, UserProfileName="data-scientist")
    assert profile["Status"] == "InService"

    start_kernel(sm, domain_id, "data-scientist", "notebook-1", "ml.t3.medium")  # 0 h
    studio_clock.advance(HOUR)
    start_kernel(sm, domain_id, "data-scientist", "notebook-2", "ml.t3.medium")  # 1 h
    studio_clock.advance(HOUR)
    start_kernel(sm, domain_id, "data-scientist", "notebook-3", "ml.m5.large")  # 2 h
    studio_clock.advance(HOUR)
    for name in ["notebook-1", "notebook-2", "notebook-3"]:  # 3 h: every kernel shut down
        sm.delete_app(
            DomainId=domain_id,
            UserProfileName="data-scientist",
            AppType="KernelGateway",
            AppName=name,
        )
    studio_clock.advance(1)
    apps = sm.list_apps(DomainIdEquals=domain_id)["Apps"]
    assert {app["AppName"]: app["Status"] for app in apps} == {
        "notebook-1": "Deleted",
        "notebook-2": "Deleted",
        "notebook-3": "Deleted",
    }

    report = studio_usage(domain_id=domain_id)
    billed = {i["InstanceType"]: i["BilledSeconds"] for i in report["Instances"]}
    assert billed == {"ml.t3.medium": 10800, "ml.m5.large": 3600}
    shared = next(i for i in report["Instances"] if i["InstanceType"] == "ml.t3.medium")
    assert shared["Apps"] == ["notebook-1", "notebook-2"]
    assert report["TotalCostUsd"] == 0.265
    assert report["Currency"] == "USD"

    # Nothing runs any more, so an hour later the bill is the same.
    studio_clock.advance(HOUR)
    assert studio_usage(domain_id=domain_id)["TotalCostUsd"] == 0.265
