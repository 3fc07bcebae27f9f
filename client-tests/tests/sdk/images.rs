//! App image configs, custom images, their versions and aliases, and `CustomImages` in settings,
//! through the real `aws-sdk-sagemaker`. Statuses move on the manual clock.

use crate::common::surface::*;
use crate::common::{advance, client, emulator, quick_start_domain};

#[tokio::test]
async fn app_image_config_is_created_described_listed_updated_and_deleted() {
    let server = emulator().await;
    let sm = client(&server);
    let arn = create_app_image_config(&sm, "python-kernels").await;
    assert_eq!(arn, format!("{ARN_PREFIX}app-image-config/python-kernels"));
    let err = sm
        .create_app_image_config()
        .app_image_config_name("python-kernels")
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_in_use());

    let described = sm
        .describe_app_image_config()
        .app_image_config_name("python-kernels")
        .send()
        .await
        .unwrap();
    assert_eq!(described.app_image_config_arn(), Some(arn.as_str()));
    assert_eq!(described.app_image_config_name(), Some("python-kernels"));
    assert_eq!(described.creation_time().unwrap().secs(), T0);
    assert_eq!(
        described.kernel_gateway_image_config(),
        Some(&kernel_gateway_config("python3"))
    );

    advance(&server, 10);
    create_app_image_config(&sm, "r-kernels").await;
    advance(&server, 10);
    create_app_image_config(&sm, "julia").await;
    let names = |out: &aws_sdk_sagemaker::operation::list_app_image_configs::ListAppImageConfigsOutput| -> Vec<String> {
        out.app_image_configs()
            .iter()
            .map(|c| c.app_image_config_name().unwrap().to_string())
            .collect()
    };
    let all = sm.list_app_image_configs().send().await.unwrap();
    assert_eq!(names(&all), ["julia", "r-kernels", "python-kernels"]);
    let kernels = sm
        .list_app_image_configs()
        .name_contains("kernels")
        .sort_by(AppImageConfigSortKey::Name)
        .sort_order(SortOrder::Ascending)
        .send()
        .await
        .unwrap();
    assert_eq!(names(&kernels), ["python-kernels", "r-kernels"]);
    let early = sm
        .list_app_image_configs()
        .creation_time_before(DateTime::from_secs(T0 + 15))
        .send()
        .await
        .unwrap();
    assert_eq!(names(&early), ["r-kernels", "python-kernels"]);
    assert_eq!(
        all.app_image_configs()[2].kernel_gateway_image_config(),
        Some(&kernel_gateway_config("python3")),
        "the listing carries the configuration"
    );

    // Update replaces the configuration given and moves LastModifiedTime.
    advance(&server, 10);
    let updated = sm
        .update_app_image_config()
        .app_image_config_name("python-kernels")
        .kernel_gateway_image_config(kernel_gateway_config("python3-gpu"))
        .jupyter_lab_app_image_config(JupyterLabAppImageConfig::builder().build())
        .send()
        .await
        .unwrap();
    assert_eq!(updated.app_image_config_arn(), Some(arn.as_str()));
    let described = sm
        .describe_app_image_config()
        .app_image_config_name("python-kernels")
        .send()
        .await
        .unwrap();
    assert_eq!(
        described.kernel_gateway_image_config(),
        Some(&kernel_gateway_config("python3-gpu"))
    );
    assert!(described.jupyter_lab_app_image_config().is_some());
    assert_eq!(described.creation_time().unwrap().secs(), T0);
    assert_eq!(described.last_modified_time().unwrap().secs(), T0 + 30);
    let recent = sm
        .list_app_image_configs()
        .modified_time_after(DateTime::from_secs(T0 + 25))
        .send()
        .await
        .unwrap();
    assert_eq!(names(&recent), ["python-kernels"]);

    sm.delete_app_image_config()
        .app_image_config_name("python-kernels")
        .send()
        .await
        .unwrap();
    let err = sm
        .describe_app_image_config()
        .app_image_config_name("python-kernels")
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_not_found());
    let err = sm
        .update_app_image_config()
        .app_image_config_name("python-kernels")
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_not_found());
    let err = sm
        .delete_app_image_config()
        .app_image_config_name("python-kernels")
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_not_found());
}

// ---------------------------------------------------------------------------------------------
// Images and image versions
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn image_goes_from_creating_to_created_on_the_clock() {
    let server = emulator().await;
    let sm = client(&server);
    let arn = sm
        .create_image()
        .image_name("my-image")
        .role_arn(ROLE)
        .description("Team kernel")
        .display_name("My Image")
        .send()
        .await
        .unwrap()
        .image_arn()
        .unwrap()
        .to_string();
    assert_eq!(arn, format!("{ARN_PREFIX}image/my-image"));
    let creating = sm
        .describe_image()
        .image_name("my-image")
        .send()
        .await
        .unwrap();
    assert_eq!(creating.image_status(), Some(&ImageStatus::Creating));
    assert_eq!(creating.image_arn(), Some(arn.as_str()));
    assert_eq!(creating.image_name(), Some("my-image"));
    assert_eq!(creating.role_arn(), Some(ROLE));
    assert_eq!(creating.description(), Some("Team kernel"));
    assert_eq!(creating.display_name(), Some("My Image"));
    assert_eq!(creating.creation_time().unwrap().secs(), T0);
    advance(&server, 1);
    let created = sm
        .describe_image()
        .image_name("my-image")
        .send()
        .await
        .unwrap();
    assert_eq!(created.image_status(), Some(&ImageStatus::Created));
    assert_eq!(created.last_modified_time().unwrap().secs(), T0 + 1);

    let err = sm
        .create_image()
        .image_name("my-image")
        .role_arn(ROLE)
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_in_use());
    let err = sm
        .describe_image()
        .image_name("no-such-image")
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_not_found());

    advance(&server, 10);
    sm.create_image()
        .image_name("another")
        .role_arn(ROLE)
        .send()
        .await
        .unwrap();
    let listed: Vec<String> = sm
        .list_images()
        .sort_by(ImageSortBy::ImageName)
        .sort_order(ImageSortOrder::Ascending)
        .send()
        .await
        .unwrap()
        .images()
        .iter()
        .map(|i| i.image_name().unwrap().to_string())
        .collect();
    assert_eq!(listed, ["another", "my-image"]);
    let newest_first = sm.list_images().send().await.unwrap();
    let statuses: Vec<(&str, &ImageStatus)> = newest_first
        .images()
        .iter()
        .map(|i| (i.image_name().unwrap(), i.image_status().unwrap()))
        .collect();
    assert_eq!(
        statuses,
        [
            ("another", &ImageStatus::Creating),
            ("my-image", &ImageStatus::Created)
        ]
    );
    let mine = sm
        .list_images()
        .name_contains("my-")
        .creation_time_before(DateTime::from_secs(T0 + 5))
        .send()
        .await
        .unwrap();
    assert_eq!(mine.images().len(), 1);
}

#[tokio::test]
async fn update_image_goes_updating_to_created_and_delete_properties_removes_them() {
    let server = emulator().await;
    let sm = client(&server);
    sm.create_image()
        .image_name("my-image")
        .role_arn(ROLE)
        .description("old")
        .display_name("Old name")
        .send()
        .await
        .unwrap();
    // Only a CREATED image can be updated.
    let err = sm
        .update_image()
        .image_name("my-image")
        .description("too early")
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_in_use());
    advance(&server, 1);

    let updated = sm
        .update_image()
        .image_name("my-image")
        .description("new")
        .role_arn("arn:aws:iam::111122223333:role/Other")
        .send()
        .await
        .unwrap();
    assert_eq!(
        updated.image_arn(),
        Some(format!("{ARN_PREFIX}image/my-image").as_str())
    );
    let updating = sm
        .describe_image()
        .image_name("my-image")
        .send()
        .await
        .unwrap();
    assert_eq!(updating.image_status(), Some(&ImageStatus::Updating));
    assert_eq!(updating.description(), Some("new"));
    assert_eq!(updating.display_name(), Some("Old name"), "not given: kept");
    assert_eq!(
        updating.role_arn(),
        Some("arn:aws:iam::111122223333:role/Other")
    );
    advance(&server, 1);
    assert_eq!(image_status(&sm, "my-image").await, ImageStatus::Created);

    sm.update_image()
        .image_name("my-image")
        .delete_properties("DisplayName")
        .send()
        .await
        .unwrap();
    advance(&server, 1);
    let described = sm
        .describe_image()
        .image_name("my-image")
        .send()
        .await
        .unwrap();
    assert_eq!(described.image_status(), Some(&ImageStatus::Created));
    assert_eq!(described.display_name(), None);
    assert_eq!(described.description(), Some("new"));
    assert_eq!(described.last_modified_time().unwrap().secs(), T0 + 3);

    let err = sm
        .update_image()
        .image_name("no-such-image")
        .description("x")
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_not_found());
}

#[tokio::test]
async fn image_versions_are_numbered_from_1_and_a_client_token_creates_one_version_once() {
    let server = emulator().await;
    let sm = client(&server);
    let image_arn = create_image(&server, &sm, "my-image").await;
    let first = create_version(&sm, "my-image", "token-1", &[]).await;
    assert_eq!(first, format!("{ARN_PREFIX}image-version/my-image/1"));
    let described = sm
        .describe_image_version()
        .image_name("my-image")
        .send()
        .await
        .unwrap();
    assert_eq!(described.version(), Some(1));
    assert_eq!(
        described.image_version_status(),
        Some(&ImageVersionStatus::Creating)
    );
    assert_eq!(described.image_arn(), Some(image_arn.as_str()));
    assert_eq!(described.image_version_arn(), Some(first.as_str()));
    assert_eq!(described.base_image(), Some(BASE_IMAGE));
    assert!(described.container_image().is_some());
    advance(&server, 1);
    assert_eq!(
        version_status(&sm, "my-image", 1).await,
        ImageVersionStatus::Created
    );

    let second = create_version(&sm, "my-image", "token-2", &[]).await;
    assert_eq!(second, format!("{ARN_PREFIX}image-version/my-image/2"));
    // The same ClientToken again answers the version it created, and creates nothing.
    let again = create_version(&sm, "my-image", "token-1", &[]).await;
    assert_eq!(again, first);
    assert_eq!(version_numbers(&sm, "my-image").await, [1, 2]);
    // Without Version or Alias, Describe answers the latest.
    let latest = sm
        .describe_image_version()
        .image_name("my-image")
        .send()
        .await
        .unwrap();
    assert_eq!(latest.version(), Some(2));
    assert_eq!(
        latest.image_version_status(),
        Some(&ImageVersionStatus::Creating)
    );
    let newest_first: Vec<i32> = sm
        .list_image_versions()
        .image_name("my-image")
        .send()
        .await
        .unwrap()
        .image_versions()
        .iter()
        .filter_map(|v| v.version())
        .collect();
    assert_eq!(newest_first, [2, 1]);
    let recent = sm
        .list_image_versions()
        .image_name("my-image")
        .creation_time_after(DateTime::from_secs(T0 + 1))
        .send()
        .await
        .unwrap();
    assert_eq!(recent.image_versions().len(), 1);

    // Numbers are per image.
    create_image(&server, &sm, "other-image").await;
    let other = create_version(&sm, "other-image", "token-1", &[]).await;
    assert_eq!(other, format!("{ARN_PREFIX}image-version/other-image/1"));

    let err = sm
        .create_image_version()
        .image_name("no-such-image")
        .base_image(BASE_IMAGE)
        .client_token("token-9")
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_not_found());
    let err = sm
        .describe_image_version()
        .image_name("my-image")
        .version(3)
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_not_found());
    let err = sm
        .list_image_versions()
        .image_name("no-such-image")
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_not_found());
}

#[tokio::test]
async fn aliases_are_listed_described_by_and_unique_among_an_images_versions() {
    let server = emulator().await;
    let sm = client(&server);
    create_image(&server, &sm, "my-image").await;
    create_version(&sm, "my-image", "token-1", &["stable", "v1"]).await;
    create_version(&sm, "my-image", "token-2", &["latest"]).await;
    advance(&server, 1);

    assert_eq!(
        aliases(&sm, "my-image", None).await,
        ["stable", "v1", "latest"]
    );
    assert_eq!(aliases(&sm, "my-image", Some(2)).await, ["latest"]);
    let one = sm
        .list_aliases()
        .image_name("my-image")
        .alias("stable")
        .send()
        .await
        .unwrap();
    assert_eq!(one.sage_maker_image_version_aliases(), ["stable"]);
    let by_alias = sm
        .describe_image_version()
        .image_name("my-image")
        .alias("stable")
        .send()
        .await
        .unwrap();
    assert_eq!(by_alias.version(), Some(1));

    // An alias that another version carries is refused, on update and on create.
    let err = sm
        .update_image_version()
        .image_name("my-image")
        .version(2)
        .aliases_to_add("stable")
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("ValidationException"));
    let err = sm
        .create_image_version()
        .image_name("my-image")
        .base_image(BASE_IMAGE)
        .client_token("token-3")
        .aliases("latest")
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("ValidationException"));
    assert_eq!(version_numbers(&sm, "my-image").await, [1, 2]);

    // Moving an alias: remove it from one version, then add it to the other.
    let updated = sm
        .update_image_version()
        .image_name("my-image")
        .alias("stable")
        .aliases_to_delete("stable")
        .send()
        .await
        .unwrap();
    assert_eq!(
        updated.image_version_arn(),
        Some(format!("{ARN_PREFIX}image-version/my-image/1").as_str())
    );
    sm.update_image_version()
        .image_name("my-image")
        .version(2)
        .aliases_to_add("stable")
        .release_notes("promoted")
        .send()
        .await
        .unwrap();
    assert_eq!(aliases(&sm, "my-image", Some(1)).await, ["v1"]);
    assert_eq!(
        aliases(&sm, "my-image", Some(2)).await,
        ["latest", "stable"]
    );
    let promoted = sm
        .describe_image_version()
        .image_name("my-image")
        .alias("stable")
        .send()
        .await
        .unwrap();
    assert_eq!(promoted.version(), Some(2));
    assert_eq!(promoted.release_notes(), Some("promoted"));
    let err = sm
        .describe_image_version()
        .image_name("my-image")
        .alias("gone")
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_not_found());
    let err = sm
        .list_aliases()
        .image_name("no-such-image")
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_not_found());
    let err = sm
        .list_aliases()
        .image_name("my-image")
        .version(99)
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_not_found());
}

#[tokio::test]
async fn delete_image_version_by_alias_or_number_goes_deleting_then_not_found() {
    let server = emulator().await;
    let sm = client(&server);
    create_image(&server, &sm, "my-image").await;
    create_version(&sm, "my-image", "token-1", &["stable"]).await;
    create_version(&sm, "my-image", "token-2", &["latest"]).await;
    create_version(&sm, "my-image", "token-3", &[]).await;
    advance(&server, 1);

    sm.delete_image_version()
        .image_name("my-image")
        .alias("latest")
        .send()
        .await
        .unwrap();
    assert_eq!(
        version_status(&sm, "my-image", 2).await,
        ImageVersionStatus::Deleting
    );
    sm.delete_image_version()
        .image_name("my-image")
        .version(3)
        .send()
        .await
        .unwrap();
    advance(&server, 1);
    for version in [2, 3] {
        let err = sm
            .describe_image_version()
            .image_name("my-image")
            .version(version)
            .send()
            .await
            .unwrap_err();
        assert!(
            err.into_service_error().is_resource_not_found(),
            "{version}"
        );
    }
    assert_eq!(version_numbers(&sm, "my-image").await, [1]);
    assert_eq!(aliases(&sm, "my-image", None).await, ["stable"]);
    assert_eq!(image_status(&sm, "my-image").await, ImageStatus::Created);
    // Numbers are not reused.
    let next = create_version(&sm, "my-image", "token-4", &[]).await;
    assert!(next.ends_with("/my-image/4"), "{next}");

    let err = sm
        .delete_image_version()
        .image_name("my-image")
        .alias("latest")
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_not_found());
    let err = sm
        .delete_image_version()
        .image_name("my-image")
        .version(9)
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_not_found());
}

#[tokio::test]
async fn delete_image_removes_it_and_its_versions_deleting_then_not_found() {
    let server = emulator().await;
    let sm = client(&server);
    let image_arn = create_image(&server, &sm, "my-image").await;
    let version_arn = create_version(&sm, "my-image", "token-1", &["stable"]).await;
    create_version(&sm, "my-image", "token-2", &[]).await;
    create_image(&server, &sm, "kept").await;
    advance(&server, 1);

    sm.delete_image()
        .image_name("my-image")
        .send()
        .await
        .unwrap();
    assert_eq!(image_status(&sm, "my-image").await, ImageStatus::Deleting);
    assert_eq!(
        version_status(&sm, "my-image", 1).await,
        ImageVersionStatus::Deleting
    );
    assert_eq!(
        version_status(&sm, "my-image", 2).await,
        ImageVersionStatus::Deleting
    );
    // A version cannot be added to an image being deleted. AWS answers ValidationException
    // "Image … is in an invalid state" for an image not CREATED (as quoted in
    // aws-samples/sagemaker-studio-custom-image-samples#17); the emulator answers ResourceInUse
    // (reported): either way it is refused and adds nothing.
    let err = sm
        .create_image_version()
        .image_name("my-image")
        .base_image(BASE_IMAGE)
        .client_token("token-3")
        .send()
        .await
        .unwrap_err();
    assert!(
        matches!(err.code(), Some("ResourceInUse" | "ValidationException")),
        "{err:?}"
    );
    assert_eq!(version_numbers(&sm, "my-image").await, [1, 2]);

    advance(&server, 1);
    let err = sm
        .describe_image()
        .image_name("my-image")
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_not_found());
    let err = sm
        .describe_image_version()
        .image_name("my-image")
        .version(1)
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_not_found());
    let err = sm
        .list_image_versions()
        .image_name("my-image")
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_not_found());
    let listed: Vec<String> = sm
        .list_images()
        .send()
        .await
        .unwrap()
        .images()
        .iter()
        .map(|i| i.image_name().unwrap().to_string())
        .collect();
    assert_eq!(listed, ["kept"]);
    for arn in [&image_arn, &version_arn] {
        let err = sm.list_tags().resource_arn(arn).send().await.unwrap_err();
        assert_eq!(err.code(), Some("ValidationException"), "{arn}");
    }
    let err = sm
        .delete_image()
        .image_name("my-image")
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_not_found());

    // The name is free again, and versions count from 1 anew.
    create_image(&server, &sm, "my-image").await;
    let renewed = create_version(&sm, "my-image", "token-1", &[]).await;
    assert_eq!(renewed, format!("{ARN_PREFIX}image-version/my-image/1"));
}

#[tokio::test]
async fn delete_image_is_refused_while_a_user_profiles_custom_images_name_it() {
    let server = emulator().await;
    let sm = client(&server);
    create_app_image_config(&sm, "kernels").await;
    create_image(&server, &sm, "team-image").await;
    create_version(&sm, "team-image", "token-1", &[]).await;
    advance(&server, 1);
    let domain_id = quick_start_domain(&sm, "custom-images").await;
    sm.create_user_profile()
        .domain_id(&domain_id)
        .user_profile_name("ana")
        .user_settings(
            UserSettings::builder()
                .kernel_gateway_app_settings(
                    KernelGatewayAppSettings::builder()
                        .custom_images(
                            CustomImage::builder()
                                .image_name("team-image")
                                .image_version_number(1)
                                .app_image_config_name("kernels")
                                .build(),
                        )
                        .build(),
                )
                .build(),
        )
        .send()
        .await
        .unwrap();
    let err = sm
        .delete_image()
        .image_name("team-image")
        .send()
        .await
        .unwrap_err();
    let message = err.message().unwrap_or_default().to_string();
    assert!(err.into_service_error().is_resource_in_use());
    assert!(message.contains("ana"), "names its user: {message}");
    assert_eq!(image_status(&sm, "team-image").await, ImageStatus::Created);
    assert_eq!(
        version_status(&sm, "team-image", 1).await,
        ImageVersionStatus::Created
    );

    // Once the profile's settings no longer name it, it can be deleted.
    advance(&server, 1);
    sm.update_user_profile()
        .domain_id(&domain_id)
        .user_profile_name("ana")
        .user_settings(
            UserSettings::builder()
                .kernel_gateway_app_settings(
                    KernelGatewayAppSettings::builder()
                        .set_custom_images(Some(vec![]))
                        .build(),
                )
                .build(),
        )
        .send()
        .await
        .unwrap();
    sm.delete_image()
        .image_name("team-image")
        .send()
        .await
        .unwrap();
}

#[tokio::test]
async fn custom_images_naming_a_missing_image_or_app_image_config_are_resource_not_found() {
    let server = emulator().await;
    let sm = client(&server);
    create_app_image_config(&sm, "kernels").await;
    create_image(&server, &sm, "team-image").await;
    advance(&server, 1);
    let domain_id = quick_start_domain(&sm, "missing-images").await;
    let with_images = |images: Vec<CustomImage>| {
        UserSettings::builder()
            .kernel_gateway_app_settings(
                KernelGatewayAppSettings::builder()
                    .set_custom_images(Some(images))
                    .build(),
            )
            .build()
    };

    let err = sm
        .create_user_profile()
        .domain_id(&domain_id)
        .user_profile_name("ana")
        .user_settings(with_images(vec![custom_image("no-such-image", "kernels")]))
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("ResourceNotFound"));
    let err = sm
        .create_user_profile()
        .domain_id(&domain_id)
        .user_profile_name("ana")
        .user_settings(with_images(vec![custom_image(
            "team-image",
            "no-such-config",
        )]))
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("ResourceNotFound"));
    let profiles = sm
        .list_user_profiles()
        .domain_id_equals(&domain_id)
        .send()
        .await
        .unwrap();
    assert!(profiles.user_profiles().is_empty(), "nothing was created");

    // UpdateUserProfile models ResourceNotFound; the settings stay as they were.
    create_profile(&sm, &domain_id, "ana").await;
    advance(&server, 1);
    let err = sm
        .update_user_profile()
        .domain_id(&domain_id)
        .user_profile_name("ana")
        .user_settings(with_images(vec![custom_image("no-such-image", "kernels")]))
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_not_found());
    let described = sm
        .describe_user_profile()
        .domain_id(&domain_id)
        .user_profile_name("ana")
        .send()
        .await
        .unwrap();
    assert!(described
        .user_settings()
        .and_then(|s| s.kernel_gateway_app_settings())
        .is_none());

    // The same rule for a domain's defaults and a space's settings, and for JupyterLab images.
    let err = sm
        .create_domain()
        .domain_name("bad-defaults")
        .auth_mode(AuthMode::Iam)
        .default_user_settings(
            UserSettings::builder()
                .execution_role(ROLE)
                .jupyter_lab_app_settings(
                    JupyterLabAppSettings::builder()
                        .custom_images(custom_image("no-such-image", "kernels"))
                        .build(),
                )
                .build(),
        )
        .vpc_id("vpc-0123456789abcdef0")
        .subnet_ids("subnet-0123456789abcdef0")
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("ResourceNotFound"));
    let err = sm
        .update_domain()
        .domain_id(&domain_id)
        .default_user_settings(with_images(vec![custom_image("no-such-image", "kernels")]))
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_not_found());
    // An image that exists and its config are accepted.
    sm.update_user_profile()
        .domain_id(&domain_id)
        .user_profile_name("ana")
        .user_settings(with_images(vec![custom_image("team-image", "kernels")]))
        .send()
        .await
        .unwrap();
}
