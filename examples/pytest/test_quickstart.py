"""The README's example, as it is printed there: a domain becomes InService on the manual clock."""


def test_domain_becomes_in_service(sagemaker_client, studio_clock):
    domain_id = sagemaker_client.create_domain(DomainName="demo", AuthMode="IAM",
        DefaultUserSettings={"ExecutionRole": "arn:aws:iam::000000000000:role/r"})["DomainId"]
    studio_clock.advance(60)                                  # Pending → InService
    assert sagemaker_client.describe_domain(DomainId=domain_id)["Status"] == "InService"
