"""boto3's paginators over the emulator's NextToken/MaxResults: every item exactly once."""

from __future__ import annotations

from conftest import quick_start_domain

NAMES = [f"user-{i}" for i in range(8)]


def make_profiles(sm, account, emulator) -> str:
    domain = quick_start_domain(sm, account)
    emulator.advance(1)  # InService
    for name in NAMES:
        sm.create_user_profile(DomainId=domain, UserProfileName=name)
    return domain


def test_list_user_profiles_paginator_with_page_size(sm, account, emulator):
    domain = make_profiles(sm, account, emulator)
    pages = list(
        sm.get_paginator("list_user_profiles").paginate(
            DomainIdEquals=domain, PaginationConfig={"PageSize": 3}
        )
    )
    assert [len(p["UserProfiles"]) for p in pages] == [3, 3, 2]
    assert all("NextToken" in p for p in pages[:-1]) and "NextToken" not in pages[-1]
    names = [u["UserProfileName"] for p in pages for u in p["UserProfiles"]]
    assert sorted(names) == NAMES


def test_paginator_max_items_and_starting_token_resume(sm, account, emulator):
    domain = make_profiles(sm, account, emulator)
    paginator = sm.get_paginator("list_user_profiles")
    first = paginator.paginate(
        DomainIdEquals=domain, PaginationConfig={"PageSize": 3, "MaxItems": 5}
    ).build_full_result()
    assert len(first["UserProfiles"]) == 5 and first["NextToken"]
    rest = paginator.paginate(
        DomainIdEquals=domain,
        PaginationConfig={"PageSize": 3, "StartingToken": first["NextToken"]},
    ).build_full_result()
    names = [u["UserProfileName"] for u in first["UserProfiles"] + rest["UserProfiles"]]
    assert sorted(names) == NAMES


def test_list_domains_and_list_apps_paginators(sm, account, emulator):
    domains = [quick_start_domain(sm, account, name=f"domain-{i}") for i in range(3)]
    pages = list(sm.get_paginator("list_domains").paginate(PaginationConfig={"PageSize": 2}))
    assert [len(p["Domains"]) for p in pages] == [2, 1]
    assert sorted(d["DomainId"] for p in pages for d in p["Domains"]) == sorted(domains)

    emulator.advance(1)
    sm.create_user_profile(DomainId=domains[0], UserProfileName="alice")
    emulator.advance(1)
    for i in range(5):
        sm.create_app(
            DomainId=domains[0],
            UserProfileName="alice",
            AppType="KernelGateway",
            AppName=f"kg-{i}",
            ResourceSpec={"InstanceType": "ml.t3.medium"},
        )
    result = sm.get_paginator("list_apps").paginate(
        DomainIdEquals=domains[0], PaginationConfig={"PageSize": 2}
    ).build_full_result()
    assert sorted(a["AppName"] for a in result["Apps"]) == [f"kg-{i}" for i in range(5)]
