//! Tags through the real `aws-sdk-sagemaker`, on every Studio ARN: added, listed and deleted,
//! given at creation, added by AWS (`sagemaker:domain-arn`), inherited by apps and propagated by
//! domains, and the limits on them.

use crate::common::surface::*;
use crate::common::{advance, client, emulator, quick_start_domain};
use sagemaker_studio_emulator::server::RunningServer;

/// One resource of every taggable Studio ARN type, in a domain `d` with profile `ana`, its
/// private space `ana-space`, app `default`; lifecycle config, app image config, image `img`
/// and its version 1.
struct EveryArn {
    domain_id: String,
    arns: Vec<(&'static str, String)>,
}

async fn one_of_every_arn(sm: &Client, server: &RunningServer) -> EveryArn {
    let domain_id = quick_start_domain(sm, "tagged").await;
    let domain_arn = format!("{ARN_PREFIX}domain/{domain_id}");
    let profile = create_profile(sm, &domain_id, "ana").await;
    let space = create_private_space(sm, &domain_id, "ana-space", "ana").await;
    advance(server, 1);
    let app = sm
        .create_app()
        .domain_id(&domain_id)
        .user_profile_name("ana")
        .app_type(AppType::JupyterServer)
        .app_name("default")
        .send()
        .await
        .unwrap()
        .app_arn()
        .unwrap()
        .to_string();
    let config =
        create_lifecycle_config(sm, "on-start", StudioLifecycleConfigAppType::JupyterLab).await;
    let app_image_config = create_app_image_config(sm, "kernels").await;
    let image = create_image(server, sm, "img").await;
    let version = create_version(sm, "img", "token-1", &[]).await;
    EveryArn {
        domain_id: domain_id.clone(),
        arns: vec![
            ("domain", domain_arn),
            ("user-profile", profile),
            ("space", space),
            ("app", app),
            ("studio-lifecycle-config", config),
            ("app-image-config", app_image_config),
            ("image", image),
            ("image-version", version),
        ],
    }
}

#[tokio::test]
async fn add_list_and_delete_tags_work_on_every_studio_arn_type() {
    let server = emulator().await;
    let sm = client(&server);
    let every = one_of_every_arn(&sm, &server).await;
    let domain_arn = format!("{ARN_PREFIX}domain/{}", every.domain_id);
    for (kind, arn) in &every.arns {
        assert!(
            arn.starts_with(&format!("{ARN_PREFIX}{kind}/")),
            "{kind}: {arn}"
        );
        let auto: Vec<(String, String)> = tags_of(&sm, arn).await;
        let added = sm
            .add_tags()
            .resource_arn(arn)
            .tags(tag("team", "ml"))
            .tags(tag("cost-center", "42"))
            .send()
            .await
            .unwrap_or_else(|e| panic!("AddTags on {kind}: {e:?}"));
        assert_eq!(
            added.tags().len(),
            2,
            "{kind}: AddTags answers the tags given"
        );
        let mut expected = auto.clone();
        expected.extend(pairs(&[("team", "ml"), ("cost-center", "42")]));
        expected.sort();
        assert_eq!(tags_of(&sm, arn).await, expected, "{kind}");

        // AddTags overwrites the value of a key given again.
        sm.add_tags()
            .resource_arn(arn)
            .tags(tag("team", "research"))
            .send()
            .await
            .unwrap();
        let listed = tags_of(&sm, arn).await;
        assert!(
            listed.contains(&("team".into(), "research".into())),
            "{kind}"
        );
        assert!(!listed.contains(&("team".into(), "ml".into())), "{kind}");

        // DeleteTags removes the keys given and ignores unknown ones.
        sm.delete_tags()
            .resource_arn(arn)
            .tag_keys("team")
            .tag_keys("cost-center")
            .tag_keys("never-set")
            .send()
            .await
            .unwrap_or_else(|e| panic!("DeleteTags on {kind}: {e:?}"));
        assert_eq!(tags_of(&sm, arn).await, auto, "{kind}");
    }
    // The automatic tag of resources in a domain names the domain.
    for (kind, arn) in &every.arns[1..4] {
        assert_eq!(
            tags_of(&sm, arn).await,
            vec![("sagemaker:domain-arn".to_string(), domain_arn.clone())],
            "{kind}"
        );
    }
    for (kind, arn) in every
        .arns
        .iter()
        .filter(|(k, _)| *k == "domain" || k.contains("image") || k.contains("config"))
    {
        assert!(
            tags_of(&sm, arn).await.is_empty(),
            "{kind} has no automatic tag"
        );
    }

    // An ARN that names nothing is a ValidationException for all three operations.
    let missing = format!("{ARN_PREFIX}image/no-such-image");
    let err = sm
        .add_tags()
        .resource_arn(&missing)
        .tags(tag("a", "b"))
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("ValidationException"));
    let err = sm
        .list_tags()
        .resource_arn(&missing)
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("ValidationException"));
    let err = sm
        .delete_tags()
        .resource_arn(&missing)
        .tag_keys("a")
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("ValidationException"));
}

#[tokio::test]
async fn tags_given_at_creation_are_listed_on_every_resource_that_takes_them() {
    let server = emulator().await;
    let sm = client(&server);
    let created = sm
        .create_domain()
        .domain_name("tags-at-creation")
        .auth_mode(AuthMode::Iam)
        .default_user_settings(UserSettings::builder().execution_role(ROLE).build())
        .vpc_id("vpc-0123456789abcdef0")
        .subnet_ids("subnet-0123456789abcdef0")
        .tags(tag("owner", "domain"))
        .send()
        .await
        .unwrap();
    let domain_id = created.domain_id().unwrap().to_string();
    let domain_arn = created.domain_arn().unwrap().to_string();
    assert_eq!(
        tags_of(&sm, &domain_arn).await,
        pairs(&[("owner", "domain")])
    );

    let profile = sm
        .create_user_profile()
        .domain_id(&domain_id)
        .user_profile_name("ana")
        .tags(tag("owner", "profile"))
        .send()
        .await
        .unwrap()
        .user_profile_arn()
        .unwrap()
        .to_string();
    assert_eq!(
        tags_of(&sm, &profile).await,
        pairs(&[("owner", "profile"), ("sagemaker:domain-arn", &domain_arn)])
    );
    let space = sm
        .create_space()
        .domain_id(&domain_id)
        .space_name("shared")
        .tags(tag("owner", "space"))
        .send()
        .await
        .unwrap()
        .space_arn()
        .unwrap()
        .to_string();
    assert_eq!(
        tags_of(&sm, &space).await,
        pairs(&[("owner", "space"), ("sagemaker:domain-arn", &domain_arn)])
    );
    advance(&server, 1);
    let app = sm
        .create_app()
        .domain_id(&domain_id)
        .space_name("shared")
        .app_type(AppType::JupyterLab)
        .app_name("default")
        .tags(tag("owner", "app"))
        .send()
        .await
        .unwrap()
        .app_arn()
        .unwrap()
        .to_string();
    // The app's own value of a key wins over its space's and domain's.
    assert_eq!(
        tags_of(&sm, &app).await,
        pairs(&[("owner", "app"), ("sagemaker:domain-arn", &domain_arn)])
    );

    let config = sm
        .create_studio_lifecycle_config()
        .studio_lifecycle_config_name("tagged")
        .studio_lifecycle_config_app_type(StudioLifecycleConfigAppType::JupyterServer)
        .studio_lifecycle_config_content(SCRIPT)
        .tags(tag("owner", "config"))
        .send()
        .await
        .unwrap()
        .studio_lifecycle_config_arn()
        .unwrap()
        .to_string();
    assert_eq!(tags_of(&sm, &config).await, pairs(&[("owner", "config")]));
    let app_image_config = sm
        .create_app_image_config()
        .app_image_config_name("tagged")
        .tags(tag("owner", "app-image-config"))
        .send()
        .await
        .unwrap()
        .app_image_config_arn()
        .unwrap()
        .to_string();
    assert_eq!(
        tags_of(&sm, &app_image_config).await,
        pairs(&[("owner", "app-image-config")])
    );
    let image = sm
        .create_image()
        .image_name("tagged")
        .role_arn(ROLE)
        .tags(tag("owner", "image"))
        .send()
        .await
        .unwrap()
        .image_arn()
        .unwrap()
        .to_string();
    assert_eq!(tags_of(&sm, &image).await, pairs(&[("owner", "image")]));
}

#[tokio::test]
async fn apps_start_with_their_domains_and_owners_tags_and_the_domain_arn_tag() {
    let server = emulator().await;
    let sm = client(&server);
    let domain_id = quick_start_domain(&sm, "inherit").await;
    let domain_arn = format!("{ARN_PREFIX}domain/{domain_id}");
    let profile = create_profile(&sm, &domain_id, "ana").await;
    // Tags added after creation count too ("… added to any Apps … launched after").
    sm.add_tags()
        .resource_arn(&domain_arn)
        .tags(tag("cost-center", "domain"))
        .tags(tag("team", "platform"))
        .send()
        .await
        .unwrap();
    sm.add_tags()
        .resource_arn(&profile)
        .tags(tag("team", "ml"))
        .tags(tag("person", "ana"))
        .send()
        .await
        .unwrap();
    // TagPropagation is DISABLED by default: the profile did not get the domain's tags.
    assert_eq!(
        tags_of(&sm, &profile).await,
        pairs(&[
            ("person", "ana"),
            ("sagemaker:domain-arn", &domain_arn),
            ("team", "ml")
        ])
    );
    advance(&server, 1);
    let app = sm
        .create_app()
        .domain_id(&domain_id)
        .user_profile_name("ana")
        .app_type(AppType::JupyterServer)
        .app_name("default")
        .tags(tag("purpose", "notebook"))
        .send()
        .await
        .unwrap()
        .app_arn()
        .unwrap()
        .to_string();
    // Own tags, then the owner's (which win over the domain's), then the domain's.
    assert_eq!(
        tags_of(&sm, &app).await,
        pairs(&[
            ("cost-center", "domain"),
            ("person", "ana"),
            ("purpose", "notebook"),
            ("sagemaker:domain-arn", &domain_arn),
            ("team", "ml"),
        ])
    );
    // Inherited at launch, not linked: a later change to the profile leaves the app alone.
    sm.delete_tags()
        .resource_arn(&profile)
        .tag_keys("person")
        .send()
        .await
        .unwrap();
    assert!(tags_of(&sm, &app)
        .await
        .contains(&("person".into(), "ana".into())));
}

#[tokio::test]
async fn tag_propagation_enabled_gives_new_profiles_and_spaces_the_domains_tags() {
    let server = emulator().await;
    let sm = client(&server);
    let created = sm
        .create_domain()
        .domain_name("propagating")
        .auth_mode(AuthMode::Iam)
        .default_user_settings(UserSettings::builder().execution_role(ROLE).build())
        .vpc_id("vpc-0123456789abcdef0")
        .subnet_ids("subnet-0123456789abcdef0")
        .tag_propagation(TagPropagation::Enabled)
        .tags(tag("team", "platform"))
        .send()
        .await
        .unwrap();
    let domain_id = created.domain_id().unwrap().to_string();
    let domain_arn = created.domain_arn().unwrap().to_string();
    let described = sm
        .describe_domain()
        .domain_id(&domain_id)
        .send()
        .await
        .unwrap();
    assert_eq!(described.tag_propagation(), Some(&TagPropagation::Enabled));
    sm.add_tags()
        .resource_arn(&domain_arn)
        .tags(tag("cost-center", "7"))
        .send()
        .await
        .unwrap();

    let profile = create_profile(&sm, &domain_id, "ana").await;
    assert_eq!(
        tags_of(&sm, &profile).await,
        pairs(&[
            ("cost-center", "7"),
            ("sagemaker:domain-arn", &domain_arn),
            ("team", "platform")
        ])
    );
    // A profile's own value wins over the propagated one.
    let own = sm
        .create_user_profile()
        .domain_id(&domain_id)
        .user_profile_name("bob")
        .tags(tag("team", "ml"))
        .send()
        .await
        .unwrap()
        .user_profile_arn()
        .unwrap()
        .to_string();
    assert_eq!(
        tags_of(&sm, &own).await,
        pairs(&[
            ("cost-center", "7"),
            ("sagemaker:domain-arn", &domain_arn),
            ("team", "ml")
        ])
    );
    let space = create_private_space(&sm, &domain_id, "ana-space", "ana").await;
    assert_eq!(
        tags_of(&sm, &space).await,
        pairs(&[
            ("cost-center", "7"),
            ("sagemaker:domain-arn", &domain_arn),
            ("team", "platform")
        ])
    );

    // The same in a domain with propagation DISABLED: only the automatic tag.
    let quiet = quick_start_domain(&sm, "not-propagating").await;
    let quiet_arn = format!("{ARN_PREFIX}domain/{quiet}");
    sm.add_tags()
        .resource_arn(&quiet_arn)
        .tags(tag("team", "platform"))
        .send()
        .await
        .unwrap();
    let profile = create_profile(&sm, &quiet, "ana").await;
    assert_eq!(
        tags_of(&sm, &profile).await,
        pairs(&[("sagemaker:domain-arn", &quiet_arn)])
    );
}

#[tokio::test]
async fn more_than_50_tags_on_a_resource_is_a_validation_exception_that_adds_none() {
    let server = emulator().await;
    let sm = client(&server);
    let image = create_image(&server, &sm, "many-tags").await;
    // 51 in one call: the model's list bound.
    let mut call = sm.add_tags().resource_arn(&image);
    for i in 0..51 {
        call = call.tags(tag(&format!("k{i:02}"), "v"));
    }
    let err = call.send().await.unwrap_err();
    assert_eq!(err.code(), Some("ValidationException"));
    assert!(tags_of(&sm, &image).await.is_empty());

    // 30, then 21 more: the resource's limit.
    let mut call = sm.add_tags().resource_arn(&image);
    for i in 0..30 {
        call = call.tags(tag(&format!("k{i:02}"), "v"));
    }
    call.send().await.unwrap();
    let mut call = sm.add_tags().resource_arn(&image);
    for i in 30..51 {
        call = call.tags(tag(&format!("k{i:02}"), "v"));
    }
    let err = call.send().await.unwrap_err();
    assert_eq!(err.code(), Some("ValidationException"));
    assert!(err.message().unwrap_or_default().contains("50"), "{err:?}");
    assert_eq!(tags_of(&sm, &image).await.len(), 30);
    // Overwriting existing keys does not count against the limit.
    let mut call = sm.add_tags().resource_arn(&image);
    for i in 10..30 {
        call = call.tags(tag(&format!("k{i:02}"), "w"));
    }
    call.send().await.unwrap();
    let mut call = sm.add_tags().resource_arn(&image);
    for i in 30..50 {
        call = call.tags(tag(&format!("k{i:02}"), "v"));
    }
    call.send().await.unwrap();
    assert_eq!(tags_of(&sm, &image).await.len(), 50);
}

#[tokio::test]
async fn duplicate_tag_keys_are_a_validation_exception_on_add_tags_and_at_creation() {
    let server = emulator().await;
    let sm = client(&server);
    let image = create_image(&server, &sm, "dup-tags").await;
    let err = sm
        .add_tags()
        .resource_arn(&image)
        .tags(tag("team", "a"))
        .tags(tag("team", "b"))
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("ValidationException"));
    assert!(tags_of(&sm, &image).await.is_empty());

    let err = sm
        .create_image()
        .image_name("dup-at-creation")
        .role_arn(ROLE)
        .tags(tag("team", "a"))
        .tags(tag("team", "b"))
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("ValidationException"));
    let err = sm
        .describe_image()
        .image_name("dup-at-creation")
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_not_found());
}

#[tokio::test]
async fn tag_keys_starting_with_aws_are_refused() {
    let server = emulator().await;
    let sm = client(&server);
    let image = create_image(&server, &sm, "reserved").await;
    for key in ["aws:cloudformation:stack-name", "AWS:Owner"] {
        let err = sm
            .add_tags()
            .resource_arn(&image)
            .tags(tag("fine", "yes"))
            .tags(tag(key, "x"))
            .send()
            .await
            .unwrap_err();
        assert_eq!(err.code(), Some("ValidationException"), "{key}");
    }
    assert!(tags_of(&sm, &image).await.is_empty());
    let err = sm
        .create_studio_lifecycle_config()
        .studio_lifecycle_config_name("reserved")
        .studio_lifecycle_config_app_type(StudioLifecycleConfigAppType::JupyterLab)
        .studio_lifecycle_config_content(SCRIPT)
        .tags(tag("aws:owner", "me"))
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("ValidationException"));
}

#[tokio::test]
async fn list_tags_pages_every_tag_in_the_order_added() {
    let server = emulator().await;
    let sm = client(&server);
    let image = create_image(&server, &sm, "paged-tags").await;
    let mut call = sm.add_tags().resource_arn(&image);
    let expected: Vec<(String, String)> = (0..50)
        .map(|i| (format!("key-{:02}", 49 - i), format!("value-{i}")))
        .collect();
    for (k, v) in &expected {
        call = call.tags(tag(k, v));
    }
    call.send().await.unwrap();

    // The paginator visits all 50 once, in the order they were added (not sorted by key).
    assert_eq!(tags_in_order(&sm, &image).await, expected);
    // 50 is ListTags' page size and minimum MaxResults: one page holds a resource's tags.
    let first = sm
        .list_tags()
        .resource_arn(&image)
        .max_results(50)
        .send()
        .await
        .unwrap();
    assert_eq!(first.tags().len(), 50);
    if let Some(token) = first.next_token() {
        let rest = sm
            .list_tags()
            .resource_arn(&image)
            .next_token(token)
            .send()
            .await
            .unwrap();
        assert!(rest.tags().is_empty());
        assert!(rest.next_token().is_none());
    }
    let err = sm
        .list_tags()
        .resource_arn(&image)
        .max_results(49)
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("ValidationException"));
    let err = sm
        .list_tags()
        .resource_arn(&image)
        .next_token("forged-token")
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("ValidationException"));
}

// ---------------------------------------------------------------------------------------------
// Studio lifecycle configurations
// ---------------------------------------------------------------------------------------------
