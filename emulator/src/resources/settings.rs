//! Rules of the settings shapes that domains and user profiles share (`UserSettings` is both a
//! domain's `DefaultUserSettings` and a user profile's `UserSettings`), as the API reference
//! writes them in the members' descriptions.

use crate::error::{ApiError, ApiResult};
use crate::model::api::{AutoMountHomeEFS, StudioWebPortal, UserSettings, WireEnum};

/// Whose settings a [`check_user_settings`] reads: a domain's `DefaultUserSettings` or a user
/// profile's `UserSettings` (the same shape, with rules that differ).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettingsOf {
    Domain,
    UserProfile,
}

/// The rules the API reference writes in the members of `UserSettings`, beyond the model:
/// - `AutoMountHomeEFS`: "The DefaultAsDomain value is only supported for user profiles. Do not
///   use the DefaultAsDomain value when setting this parameter for a domain."
/// - `DefaultLandingUri` `studio::`: "This value can only be passed if StudioWebPortal is set to
///   ENABLED."
///
/// and one AWS is recorded enforcing: a JupyterServer default instance type other than `system`
/// (see [`jupyter_server_needs_system`]).
pub fn check_user_settings(settings: Option<&UserSettings>, of: SettingsOf) -> ApiResult<()> {
    let Some(settings) = settings else {
        return Ok(());
    };
    if of == SettingsOf::Domain
        && settings.auto_mount_home_efs == Some(AutoMountHomeEFS::DefaultAsDomain)
    {
        return Err(ApiError::validation(
            "The DefaultAsDomain value of AutoMountHomeEFS is only supported for user profiles, not for a domain's DefaultUserSettings.",
        ));
    }
    if let Some(instance_type) = settings
        .jupyter_server_app_settings
        .as_ref()
        .and_then(|jupyter| jupyter.default_resource_spec.as_ref())
        .and_then(|spec| spec.instance_type)
    {
        if instance_type.as_str() != "system" {
            return Err(jupyter_server_needs_system(instance_type.as_str()));
        }
    }
    if settings.default_landing_uri.as_deref() == Some("studio::")
        && settings.studio_web_portal == Some(StudioWebPortal::Disabled)
    {
        return Err(ApiError::validation(
            "DefaultLandingUri studio:: can only be passed if StudioWebPortal is set to ENABLED.",
        ));
    }
    Ok(())
}

/// AWS's refusal of a JupyterServer instance type other than `system`: "Invalid instance type
/// 'ml.t3.medium' for JupyterServer App. Only 'system' instance type is supported" (no final
/// period; recorded in a Terraform apply of a domain whose `DefaultUserSettings` set
/// `ml.t3.medium`, May 2025, inquisitivefrog/machine-learning; the same words for CreateApp are
/// inferred).
pub fn jupyter_server_needs_system(instance_type: &str) -> ApiError {
    ApiError::validation(format!(
        "Invalid instance type '{instance_type}' for JupyterServer App. Only 'system' instance type is supported"
    ))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn user_settings(json: serde_json::Value) -> UserSettings {
        serde_json::from_value(json).unwrap()
    }

    #[test]
    fn default_as_domain_is_for_profiles_and_studio_landing_needs_the_portal() {
        let domain = user_settings(json!({"AutoMountHomeEFS": "DefaultAsDomain"}));
        assert!(check_user_settings(Some(&domain), SettingsOf::Domain).is_err());
        assert!(check_user_settings(Some(&domain), SettingsOf::UserProfile).is_ok());
        let landing =
            user_settings(json!({"DefaultLandingUri": "studio::", "StudioWebPortal": "DISABLED"}));
        assert!(check_user_settings(Some(&landing), SettingsOf::UserProfile).is_err());
        assert!(check_user_settings(None, SettingsOf::Domain).is_ok());
        let jupyter = user_settings(
            json!({"JupyterServerAppSettings": {"DefaultResourceSpec": {"InstanceType": "ml.t3.medium"}}}),
        );
        let error = check_user_settings(Some(&jupyter), SettingsOf::Domain).unwrap_err();
        assert_eq!(
            error.message(),
            "Invalid instance type 'ml.t3.medium' for JupyterServer App. Only 'system' instance type is supported"
        );
    }
}
