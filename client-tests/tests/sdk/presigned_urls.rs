//! Presigned domain URLs through the real `aws-sdk-sagemaker`: the Studio auth URL's shape, a
//! space's own host, refusals, and the emulator's Studio page they open until they expire.

use crate::common::surface::*;
use crate::common::{advance, client, emulator, quick_start_domain};

#[tokio::test]
async fn presigned_url_has_the_studio_auth_shape_and_a_space_opens_on_its_own_host() {
    let server = emulator().await;
    let sm = client(&server);
    let domain_id = quick_start_domain(&sm, "presigned").await;
    create_profile(&sm, &domain_id, "ana").await;
    create_private_space(&sm, &domain_id, "ana-space", "ana").await;

    let url = sm
        .create_presigned_domain_url()
        .domain_id(&domain_id)
        .user_profile_name("ana")
        .send()
        .await
        .unwrap()
        .authorized_url()
        .unwrap()
        .to_string();
    // "https://studio-d-….studio.REGION.sagemaker.aws/auth?token=…", as a May 2025 transcript of
    // the AWS CLI shows (docs/fidelity.md row 65).
    let prefix = format!("https://studio-{domain_id}.studio.us-east-1.sagemaker.aws/auth?token=");
    assert!(url.starts_with(&prefix), "{url}");
    let token = &url[prefix.len()..];
    assert!(token.len() > 20, "{url}");
    assert!(
        token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)),
        "the token is URL-safe: {token}"
    );

    let space_url = sm
        .describe_space()
        .domain_id(&domain_id)
        .space_name("ana-space")
        .send()
        .await
        .unwrap()
        .url()
        .expect("a space has its own Url")
        .to_string();
    assert_ne!(
        space_url,
        format!("https://{domain_id}.studio.us-east-1.sagemaker.aws")
    );
    let in_space = sm
        .create_presigned_domain_url()
        .domain_id(&domain_id)
        .user_profile_name("ana")
        .space_name("ana-space")
        .expires_in_seconds(60)
        .session_expiration_duration_in_seconds(1800)
        .send()
        .await
        .unwrap()
        .authorized_url()
        .unwrap()
        .to_string();
    // The space's host (its described Url adds the app's path, /jupyterlab/default).
    let space_host = space_url.trim_end_matches("/jupyterlab/default");
    assert!(
        in_space.starts_with(&format!("{space_host}/auth?token=")),
        "{in_space} is on {space_host}"
    );
    assert_ne!(in_space[in_space.len() - 20..], url[url.len() - 20..]);
}

#[tokio::test]
async fn presigned_url_for_a_missing_user_profile_or_domain_is_resource_not_found() {
    let server = emulator().await;
    let sm = client(&server);
    let domain_id = quick_start_domain(&sm, "presigned-missing").await;
    let err = sm
        .create_presigned_domain_url()
        .domain_id(&domain_id)
        .user_profile_name("nobody")
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_not_found());
    let err = sm
        .create_presigned_domain_url()
        .domain_id("d-000000000000")
        .user_profile_name("nobody")
        .send()
        .await
        .unwrap_err();
    assert!(err.into_service_error().is_resource_not_found());
    // ExpiresInSeconds is bounded 5..300 by the model.
    create_profile(&sm, &domain_id, "ana").await;
    let err = sm
        .create_presigned_domain_url()
        .domain_id(&domain_id)
        .user_profile_name("ana")
        .expires_in_seconds(301)
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("ValidationException"));
}

#[tokio::test]
async fn presigned_url_opens_the_emulators_studio_page_with_the_users_apps_until_it_expires() {
    let server = emulator_with_studio_page().await;
    let sm = client(&server);
    let domain_id = quick_start_domain(&sm, "studio-page").await;
    create_profile(&sm, &domain_id, "ana").await;
    create_profile(&sm, &domain_id, "bob").await;
    advance(&server, 1);
    sm.create_app()
        .domain_id(&domain_id)
        .user_profile_name("ana")
        .app_type(AppType::JupyterServer)
        .app_name("default")
        .send()
        .await
        .unwrap();
    advance(&server, 1);
    sm.create_app()
        .domain_id(&domain_id)
        .user_profile_name("ana")
        .app_type(AppType::KernelGateway)
        .app_name("kernel-one")
        .resource_spec(
            ResourceSpec::builder()
                .instance_type("ml.t3.medium".into())
                .build(),
        )
        .send()
        .await
        .unwrap();
    sm.create_app()
        .domain_id(&domain_id)
        .user_profile_name("bob")
        .app_type(AppType::KernelGateway)
        .app_name("bobs-app")
        .resource_spec(
            ResourceSpec::builder()
                .instance_type("ml.t3.medium".into())
                .build(),
        )
        .send()
        .await
        .unwrap();

    let url = sm
        .create_presigned_domain_url()
        .domain_id(&domain_id)
        .user_profile_name("ana")
        .expires_in_seconds(30)
        .send()
        .await
        .unwrap()
        .authorized_url()
        .unwrap()
        .to_string();
    let page_prefix = format!(
        "{}/_emulator/studio/{domain_id}/auth?token=",
        server.endpoint_url()
    );
    assert!(url.starts_with(&page_prefix), "{url}");

    let (status, head, page) = http_get(&url).await;
    assert_eq!(status, 200, "{page}");
    assert!(head.contains("content-type: text/html"), "{head}");
    assert!(page.to_ascii_lowercase().starts_with("<!doctype html>"));
    assert!(page.contains("ana"), "{page}");
    let server_row = app_row(&page, "default").expect("the JupyterServer app is listed");
    assert!(
        server_row.contains("JupyterServer") && server_row.contains("InService"),
        "{server_row}"
    );
    let kernel_row = app_row(&page, "kernel-one").expect("the KernelGateway app is listed");
    assert!(
        kernel_row.contains("KernelGateway")
            && kernel_row.contains("ml.t3.medium")
            && kernel_row.contains("Pending"),
        "{kernel_row}"
    );
    assert!(app_row(&page, "bobs-app").is_none(), "another user's app");

    // The page follows the apps' statuses while the URL is valid.
    advance(&server, 10);
    let (status, _, page) = http_get(&url).await;
    assert_eq!(status, 200);
    assert!(app_row(&page, "kernel-one").unwrap().contains("InService"));

    // Past ExpiresInSeconds the same URL is refused as AWS refuses it.
    advance(&server, 21);
    let (status, head, body) = http_get(&url).await;
    assert_eq!(status, 403, "{body}");
    assert!(head.contains("content-type: text/plain"), "{head}");
    assert!(body.contains("Invalid or Expired Auth Token"), "{body}");
}

#[tokio::test]
async fn a_tampered_or_misplaced_presigned_token_is_refused_with_403() {
    let server = emulator_with_studio_page().await;
    let sm = client(&server);
    let domain_id = quick_start_domain(&sm, "tamper").await;
    let other_domain = quick_start_domain(&sm, "tamper-other").await;
    create_profile(&sm, &domain_id, "ana").await;
    let url = sm
        .create_presigned_domain_url()
        .domain_id(&domain_id)
        .user_profile_name("ana")
        .send()
        .await
        .unwrap()
        .authorized_url()
        .unwrap()
        .to_string();
    let (status, _, _) = http_get(&url).await;
    assert_eq!(status, 200, "the genuine URL opens");

    let (base, token) = url.split_once("?token=").unwrap();
    // One character changed in the grant, then in the seal.
    let mut grant_changed = token.as_bytes().to_vec();
    grant_changed[4] = if grant_changed[4] == b'A' { b'B' } else { b'A' };
    let mut seal_changed = token.as_bytes().to_vec();
    let last = seal_changed.len() - 1;
    seal_changed[last] = if seal_changed[last] == b'0' {
        b'1'
    } else {
        b'0'
    };
    for forged in [grant_changed, seal_changed] {
        let forged = String::from_utf8(forged).unwrap();
        let (status, _, body) = http_get(&format!("{base}?token={forged}")).await;
        assert_eq!(status, 403, "{forged}: {body}");
        assert!(body.contains("Invalid or Expired Auth Token"), "{body}");
    }
    // No token, and a genuine token on another domain's path.
    let (status, _, _) = http_get(base).await;
    assert_eq!(status, 403);
    let elsewhere = url.replace(&domain_id, &other_domain);
    let (status, _, _) = http_get(&elsewhere).await;
    assert_eq!(status, 403);
}

// ---------------------------------------------------------------------------------------------
// Tags
// ---------------------------------------------------------------------------------------------
