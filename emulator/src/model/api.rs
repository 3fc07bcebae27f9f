//! The typed inputs and outputs of the served operations, generated from
//! `fixtures/sagemaker-model-slice.json` by `scripts/gen_api_types.py` (never edited by hand;
//! `scripts/test` checks it is fresh).
//!
//! Each structure of the model is a struct whose serde names are the model's member names; each
//! string enum is an enum. A member the model marks required is a plain field (the validator
//! refuses a request without it before anything is deserialized); every other member is an
//! `Option`, left out of the JSON when `None`. Timestamps are epoch seconds, as awsJson1.1
//! writes them. [`op`] holds one unit type per operation tying its name to its input and
//! output ([`Operation`]).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A point in time as awsJson1.1 writes it: seconds since the epoch, with a fraction.
pub type EpochSeconds = f64;

/// A served operation: its name and the types of its input and output.
pub trait Operation {
    /// The `X-Amz-Target` operation name.
    const NAME: &'static str;
    /// The request body.
    type Input: serde::de::DeserializeOwned;
    /// The response body.
    type Output: Serialize;
}

/// A string enum of the model: its values as they travel.
pub trait WireEnum: Sized + Copy + 'static {
    /// Every value, in the model's order.
    const VALUES: &'static [Self];
    /// The value as it travels.
    fn as_str(self) -> &'static str;
    /// The variant for a value as it travels.
    fn from_wire(value: &str) -> Option<Self> {
        Self::VALUES.iter().copied().find(|v| v.as_str() == value)
    }
}

/// The input of a List operation: its paging members (a NextToken is bound to the other
/// members, so the pager also fingerprints the whole input).
pub trait Paged: Serialize {
    /// `NextToken`, if given.
    fn next_token(&self) -> Option<&str>;
    /// `MaxResults`, if given.
    fn max_results(&self) -> Option<i32>;
}

/// The output of an operation whose model names no output shape: `{}` on the wire.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Empty {}

/// `AddTagsInput` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AddTagsInput {
    #[serde(rename = "ResourceArn")]
    pub resource_arn: String,
    #[serde(rename = "Tags")]
    pub tags: Vec<Tag>,
}

/// `AddTagsOutput` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AddTagsOutput {
    #[serde(rename = "Tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
}

/// `AmazonQSettings` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AmazonQSettings {
    #[serde(
        rename = "QProfileArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub q_profile_arn: Option<String>,
    #[serde(rename = "Status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<FeatureStatus>,
}

/// `AppDetails` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AppDetails {
    #[serde(rename = "AppName", default, skip_serializing_if = "Option::is_none")]
    pub app_name: Option<String>,
    #[serde(rename = "AppType", default, skip_serializing_if = "Option::is_none")]
    pub app_type: Option<AppType>,
    #[serde(
        rename = "CreationTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub creation_time: Option<EpochSeconds>,
    #[serde(rename = "DomainId", default, skip_serializing_if = "Option::is_none")]
    pub domain_id: Option<String>,
    #[serde(
        rename = "ResourceSpec",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub resource_spec: Option<ResourceSpec>,
    #[serde(rename = "SpaceName", default, skip_serializing_if = "Option::is_none")]
    pub space_name: Option<String>,
    #[serde(rename = "Status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<AppStatus>,
    #[serde(
        rename = "UserProfileName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub user_profile_name: Option<String>,
}

/// `AppImageConfigDetails` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AppImageConfigDetails {
    #[serde(
        rename = "AppImageConfigArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub app_image_config_arn: Option<String>,
    #[serde(
        rename = "AppImageConfigName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub app_image_config_name: Option<String>,
    #[serde(
        rename = "CodeEditorAppImageConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_editor_app_image_config: Option<CodeEditorAppImageConfig>,
    #[serde(
        rename = "CreationTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub creation_time: Option<EpochSeconds>,
    #[serde(
        rename = "JupyterLabAppImageConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub jupyter_lab_app_image_config: Option<JupyterLabAppImageConfig>,
    #[serde(
        rename = "KernelGatewayImageConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub kernel_gateway_image_config: Option<KernelGatewayImageConfig>,
    #[serde(
        rename = "LastModifiedTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_modified_time: Option<EpochSeconds>,
}

/// `AppImageConfigSortKey` of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AppImageConfigSortKey {
    #[serde(rename = "CreationTime")]
    CreationTime,
    #[serde(rename = "LastModifiedTime")]
    LastModifiedTime,
    #[serde(rename = "Name")]
    Name,
}

impl WireEnum for AppImageConfigSortKey {
    const VALUES: &'static [Self] = &[
        AppImageConfigSortKey::CreationTime,
        AppImageConfigSortKey::LastModifiedTime,
        AppImageConfigSortKey::Name,
    ];

    fn as_str(self) -> &'static str {
        match self {
            AppImageConfigSortKey::CreationTime => "CreationTime",
            AppImageConfigSortKey::LastModifiedTime => "LastModifiedTime",
            AppImageConfigSortKey::Name => "Name",
        }
    }
}

/// `AppInstanceType` of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AppInstanceType {
    #[serde(rename = "system")]
    System,
    #[serde(rename = "ml.t3.micro")]
    MlT3Micro,
    #[serde(rename = "ml.t3.small")]
    MlT3Small,
    #[serde(rename = "ml.t3.medium")]
    MlT3Medium,
    #[serde(rename = "ml.t3.large")]
    MlT3Large,
    #[serde(rename = "ml.t3.xlarge")]
    MlT3Xlarge,
    #[serde(rename = "ml.t3.2xlarge")]
    MlT32xlarge,
    #[serde(rename = "ml.m5.large")]
    MlM5Large,
    #[serde(rename = "ml.m5.xlarge")]
    MlM5Xlarge,
    #[serde(rename = "ml.m5.2xlarge")]
    MlM52xlarge,
    #[serde(rename = "ml.m5.4xlarge")]
    MlM54xlarge,
    #[serde(rename = "ml.m5.8xlarge")]
    MlM58xlarge,
    #[serde(rename = "ml.m5.12xlarge")]
    MlM512xlarge,
    #[serde(rename = "ml.m5.16xlarge")]
    MlM516xlarge,
    #[serde(rename = "ml.m5.24xlarge")]
    MlM524xlarge,
    #[serde(rename = "ml.m5d.large")]
    MlM5dLarge,
    #[serde(rename = "ml.m5d.xlarge")]
    MlM5dXlarge,
    #[serde(rename = "ml.m5d.2xlarge")]
    MlM5d2xlarge,
    #[serde(rename = "ml.m5d.4xlarge")]
    MlM5d4xlarge,
    #[serde(rename = "ml.m5d.8xlarge")]
    MlM5d8xlarge,
    #[serde(rename = "ml.m5d.12xlarge")]
    MlM5d12xlarge,
    #[serde(rename = "ml.m5d.16xlarge")]
    MlM5d16xlarge,
    #[serde(rename = "ml.m5d.24xlarge")]
    MlM5d24xlarge,
    #[serde(rename = "ml.c5.large")]
    MlC5Large,
    #[serde(rename = "ml.c5.xlarge")]
    MlC5Xlarge,
    #[serde(rename = "ml.c5.2xlarge")]
    MlC52xlarge,
    #[serde(rename = "ml.c5.4xlarge")]
    MlC54xlarge,
    #[serde(rename = "ml.c5.9xlarge")]
    MlC59xlarge,
    #[serde(rename = "ml.c5.12xlarge")]
    MlC512xlarge,
    #[serde(rename = "ml.c5.18xlarge")]
    MlC518xlarge,
    #[serde(rename = "ml.c5.24xlarge")]
    MlC524xlarge,
    #[serde(rename = "ml.p3.2xlarge")]
    MlP32xlarge,
    #[serde(rename = "ml.p3.8xlarge")]
    MlP38xlarge,
    #[serde(rename = "ml.p3.16xlarge")]
    MlP316xlarge,
    #[serde(rename = "ml.p3dn.24xlarge")]
    MlP3dn24xlarge,
    #[serde(rename = "ml.g4dn.xlarge")]
    MlG4dnXlarge,
    #[serde(rename = "ml.g4dn.2xlarge")]
    MlG4dn2xlarge,
    #[serde(rename = "ml.g4dn.4xlarge")]
    MlG4dn4xlarge,
    #[serde(rename = "ml.g4dn.8xlarge")]
    MlG4dn8xlarge,
    #[serde(rename = "ml.g4dn.12xlarge")]
    MlG4dn12xlarge,
    #[serde(rename = "ml.g4dn.16xlarge")]
    MlG4dn16xlarge,
    #[serde(rename = "ml.r5.large")]
    MlR5Large,
    #[serde(rename = "ml.r5.xlarge")]
    MlR5Xlarge,
    #[serde(rename = "ml.r5.2xlarge")]
    MlR52xlarge,
    #[serde(rename = "ml.r5.4xlarge")]
    MlR54xlarge,
    #[serde(rename = "ml.r5.8xlarge")]
    MlR58xlarge,
    #[serde(rename = "ml.r5.12xlarge")]
    MlR512xlarge,
    #[serde(rename = "ml.r5.16xlarge")]
    MlR516xlarge,
    #[serde(rename = "ml.r5.24xlarge")]
    MlR524xlarge,
    #[serde(rename = "ml.g5.xlarge")]
    MlG5Xlarge,
    #[serde(rename = "ml.g5.2xlarge")]
    MlG52xlarge,
    #[serde(rename = "ml.g5.4xlarge")]
    MlG54xlarge,
    #[serde(rename = "ml.g5.8xlarge")]
    MlG58xlarge,
    #[serde(rename = "ml.g5.16xlarge")]
    MlG516xlarge,
    #[serde(rename = "ml.g5.12xlarge")]
    MlG512xlarge,
    #[serde(rename = "ml.g5.24xlarge")]
    MlG524xlarge,
    #[serde(rename = "ml.g5.48xlarge")]
    MlG548xlarge,
    #[serde(rename = "ml.g6.xlarge")]
    MlG6Xlarge,
    #[serde(rename = "ml.g6.2xlarge")]
    MlG62xlarge,
    #[serde(rename = "ml.g6.4xlarge")]
    MlG64xlarge,
    #[serde(rename = "ml.g6.8xlarge")]
    MlG68xlarge,
    #[serde(rename = "ml.g6.12xlarge")]
    MlG612xlarge,
    #[serde(rename = "ml.g6.16xlarge")]
    MlG616xlarge,
    #[serde(rename = "ml.g6.24xlarge")]
    MlG624xlarge,
    #[serde(rename = "ml.g6.48xlarge")]
    MlG648xlarge,
    #[serde(rename = "ml.g6e.xlarge")]
    MlG6eXlarge,
    #[serde(rename = "ml.g6e.2xlarge")]
    MlG6e2xlarge,
    #[serde(rename = "ml.g6e.4xlarge")]
    MlG6e4xlarge,
    #[serde(rename = "ml.g6e.8xlarge")]
    MlG6e8xlarge,
    #[serde(rename = "ml.g6e.12xlarge")]
    MlG6e12xlarge,
    #[serde(rename = "ml.g6e.16xlarge")]
    MlG6e16xlarge,
    #[serde(rename = "ml.g6e.24xlarge")]
    MlG6e24xlarge,
    #[serde(rename = "ml.g6e.48xlarge")]
    MlG6e48xlarge,
    #[serde(rename = "ml.geospatial.interactive")]
    MlGeospatialInteractive,
    #[serde(rename = "ml.p4d.24xlarge")]
    MlP4d24xlarge,
    #[serde(rename = "ml.p4de.24xlarge")]
    MlP4de24xlarge,
    #[serde(rename = "ml.trn1.2xlarge")]
    MlTrn12xlarge,
    #[serde(rename = "ml.trn1.32xlarge")]
    MlTrn132xlarge,
    #[serde(rename = "ml.trn1n.32xlarge")]
    MlTrn1n32xlarge,
    #[serde(rename = "ml.p5.48xlarge")]
    MlP548xlarge,
    #[serde(rename = "ml.p5en.48xlarge")]
    MlP5en48xlarge,
    #[serde(rename = "ml.p6-b200.48xlarge")]
    MlP6B20048xlarge,
    #[serde(rename = "ml.m6i.large")]
    MlM6iLarge,
    #[serde(rename = "ml.m6i.xlarge")]
    MlM6iXlarge,
    #[serde(rename = "ml.m6i.2xlarge")]
    MlM6i2xlarge,
    #[serde(rename = "ml.m6i.4xlarge")]
    MlM6i4xlarge,
    #[serde(rename = "ml.m6i.8xlarge")]
    MlM6i8xlarge,
    #[serde(rename = "ml.m6i.12xlarge")]
    MlM6i12xlarge,
    #[serde(rename = "ml.m6i.16xlarge")]
    MlM6i16xlarge,
    #[serde(rename = "ml.m6i.24xlarge")]
    MlM6i24xlarge,
    #[serde(rename = "ml.m6i.32xlarge")]
    MlM6i32xlarge,
    #[serde(rename = "ml.m7i.large")]
    MlM7iLarge,
    #[serde(rename = "ml.m7i.xlarge")]
    MlM7iXlarge,
    #[serde(rename = "ml.m7i.2xlarge")]
    MlM7i2xlarge,
    #[serde(rename = "ml.m7i.4xlarge")]
    MlM7i4xlarge,
    #[serde(rename = "ml.m7i.8xlarge")]
    MlM7i8xlarge,
    #[serde(rename = "ml.m7i.12xlarge")]
    MlM7i12xlarge,
    #[serde(rename = "ml.m7i.16xlarge")]
    MlM7i16xlarge,
    #[serde(rename = "ml.m7i.24xlarge")]
    MlM7i24xlarge,
    #[serde(rename = "ml.m7i.48xlarge")]
    MlM7i48xlarge,
    #[serde(rename = "ml.c6i.large")]
    MlC6iLarge,
    #[serde(rename = "ml.c6i.xlarge")]
    MlC6iXlarge,
    #[serde(rename = "ml.c6i.2xlarge")]
    MlC6i2xlarge,
    #[serde(rename = "ml.c6i.4xlarge")]
    MlC6i4xlarge,
    #[serde(rename = "ml.c6i.8xlarge")]
    MlC6i8xlarge,
    #[serde(rename = "ml.c6i.12xlarge")]
    MlC6i12xlarge,
    #[serde(rename = "ml.c6i.16xlarge")]
    MlC6i16xlarge,
    #[serde(rename = "ml.c6i.24xlarge")]
    MlC6i24xlarge,
    #[serde(rename = "ml.c6i.32xlarge")]
    MlC6i32xlarge,
    #[serde(rename = "ml.c7i.large")]
    MlC7iLarge,
    #[serde(rename = "ml.c7i.xlarge")]
    MlC7iXlarge,
    #[serde(rename = "ml.c7i.2xlarge")]
    MlC7i2xlarge,
    #[serde(rename = "ml.c7i.4xlarge")]
    MlC7i4xlarge,
    #[serde(rename = "ml.c7i.8xlarge")]
    MlC7i8xlarge,
    #[serde(rename = "ml.c7i.12xlarge")]
    MlC7i12xlarge,
    #[serde(rename = "ml.c7i.16xlarge")]
    MlC7i16xlarge,
    #[serde(rename = "ml.c7i.24xlarge")]
    MlC7i24xlarge,
    #[serde(rename = "ml.c7i.48xlarge")]
    MlC7i48xlarge,
    #[serde(rename = "ml.r6i.large")]
    MlR6iLarge,
    #[serde(rename = "ml.r6i.xlarge")]
    MlR6iXlarge,
    #[serde(rename = "ml.r6i.2xlarge")]
    MlR6i2xlarge,
    #[serde(rename = "ml.r6i.4xlarge")]
    MlR6i4xlarge,
    #[serde(rename = "ml.r6i.8xlarge")]
    MlR6i8xlarge,
    #[serde(rename = "ml.r6i.12xlarge")]
    MlR6i12xlarge,
    #[serde(rename = "ml.r6i.16xlarge")]
    MlR6i16xlarge,
    #[serde(rename = "ml.r6i.24xlarge")]
    MlR6i24xlarge,
    #[serde(rename = "ml.r6i.32xlarge")]
    MlR6i32xlarge,
    #[serde(rename = "ml.r7i.large")]
    MlR7iLarge,
    #[serde(rename = "ml.r7i.xlarge")]
    MlR7iXlarge,
    #[serde(rename = "ml.r7i.2xlarge")]
    MlR7i2xlarge,
    #[serde(rename = "ml.r7i.4xlarge")]
    MlR7i4xlarge,
    #[serde(rename = "ml.r7i.8xlarge")]
    MlR7i8xlarge,
    #[serde(rename = "ml.r7i.12xlarge")]
    MlR7i12xlarge,
    #[serde(rename = "ml.r7i.16xlarge")]
    MlR7i16xlarge,
    #[serde(rename = "ml.r7i.24xlarge")]
    MlR7i24xlarge,
    #[serde(rename = "ml.r7i.48xlarge")]
    MlR7i48xlarge,
    #[serde(rename = "ml.m6id.large")]
    MlM6idLarge,
    #[serde(rename = "ml.m6id.xlarge")]
    MlM6idXlarge,
    #[serde(rename = "ml.m6id.2xlarge")]
    MlM6id2xlarge,
    #[serde(rename = "ml.m6id.4xlarge")]
    MlM6id4xlarge,
    #[serde(rename = "ml.m6id.8xlarge")]
    MlM6id8xlarge,
    #[serde(rename = "ml.m6id.12xlarge")]
    MlM6id12xlarge,
    #[serde(rename = "ml.m6id.16xlarge")]
    MlM6id16xlarge,
    #[serde(rename = "ml.m6id.24xlarge")]
    MlM6id24xlarge,
    #[serde(rename = "ml.m6id.32xlarge")]
    MlM6id32xlarge,
    #[serde(rename = "ml.c6id.large")]
    MlC6idLarge,
    #[serde(rename = "ml.c6id.xlarge")]
    MlC6idXlarge,
    #[serde(rename = "ml.c6id.2xlarge")]
    MlC6id2xlarge,
    #[serde(rename = "ml.c6id.4xlarge")]
    MlC6id4xlarge,
    #[serde(rename = "ml.c6id.8xlarge")]
    MlC6id8xlarge,
    #[serde(rename = "ml.c6id.12xlarge")]
    MlC6id12xlarge,
    #[serde(rename = "ml.c6id.16xlarge")]
    MlC6id16xlarge,
    #[serde(rename = "ml.c6id.24xlarge")]
    MlC6id24xlarge,
    #[serde(rename = "ml.c6id.32xlarge")]
    MlC6id32xlarge,
    #[serde(rename = "ml.r6id.large")]
    MlR6idLarge,
    #[serde(rename = "ml.r6id.xlarge")]
    MlR6idXlarge,
    #[serde(rename = "ml.r6id.2xlarge")]
    MlR6id2xlarge,
    #[serde(rename = "ml.r6id.4xlarge")]
    MlR6id4xlarge,
    #[serde(rename = "ml.r6id.8xlarge")]
    MlR6id8xlarge,
    #[serde(rename = "ml.r6id.12xlarge")]
    MlR6id12xlarge,
    #[serde(rename = "ml.r6id.16xlarge")]
    MlR6id16xlarge,
    #[serde(rename = "ml.r6id.24xlarge")]
    MlR6id24xlarge,
    #[serde(rename = "ml.r6id.32xlarge")]
    MlR6id32xlarge,
    #[serde(rename = "ml.p5.4xlarge")]
    MlP54xlarge,
    #[serde(rename = "ml.g7.2xlarge")]
    MlG72xlarge,
    #[serde(rename = "ml.g7.4xlarge")]
    MlG74xlarge,
    #[serde(rename = "ml.g7.8xlarge")]
    MlG78xlarge,
    #[serde(rename = "ml.g7.12xlarge")]
    MlG712xlarge,
    #[serde(rename = "ml.g7.24xlarge")]
    MlG724xlarge,
    #[serde(rename = "ml.g7.48xlarge")]
    MlG748xlarge,
    #[serde(rename = "ml.g7e.2xlarge")]
    MlG7e2xlarge,
    #[serde(rename = "ml.g7e.4xlarge")]
    MlG7e4xlarge,
    #[serde(rename = "ml.g7e.8xlarge")]
    MlG7e8xlarge,
    #[serde(rename = "ml.g7e.12xlarge")]
    MlG7e12xlarge,
    #[serde(rename = "ml.g7e.24xlarge")]
    MlG7e24xlarge,
    #[serde(rename = "ml.g7e.48xlarge")]
    MlG7e48xlarge,
}

impl WireEnum for AppInstanceType {
    const VALUES: &'static [Self] = &[
        AppInstanceType::System,
        AppInstanceType::MlT3Micro,
        AppInstanceType::MlT3Small,
        AppInstanceType::MlT3Medium,
        AppInstanceType::MlT3Large,
        AppInstanceType::MlT3Xlarge,
        AppInstanceType::MlT32xlarge,
        AppInstanceType::MlM5Large,
        AppInstanceType::MlM5Xlarge,
        AppInstanceType::MlM52xlarge,
        AppInstanceType::MlM54xlarge,
        AppInstanceType::MlM58xlarge,
        AppInstanceType::MlM512xlarge,
        AppInstanceType::MlM516xlarge,
        AppInstanceType::MlM524xlarge,
        AppInstanceType::MlM5dLarge,
        AppInstanceType::MlM5dXlarge,
        AppInstanceType::MlM5d2xlarge,
        AppInstanceType::MlM5d4xlarge,
        AppInstanceType::MlM5d8xlarge,
        AppInstanceType::MlM5d12xlarge,
        AppInstanceType::MlM5d16xlarge,
        AppInstanceType::MlM5d24xlarge,
        AppInstanceType::MlC5Large,
        AppInstanceType::MlC5Xlarge,
        AppInstanceType::MlC52xlarge,
        AppInstanceType::MlC54xlarge,
        AppInstanceType::MlC59xlarge,
        AppInstanceType::MlC512xlarge,
        AppInstanceType::MlC518xlarge,
        AppInstanceType::MlC524xlarge,
        AppInstanceType::MlP32xlarge,
        AppInstanceType::MlP38xlarge,
        AppInstanceType::MlP316xlarge,
        AppInstanceType::MlP3dn24xlarge,
        AppInstanceType::MlG4dnXlarge,
        AppInstanceType::MlG4dn2xlarge,
        AppInstanceType::MlG4dn4xlarge,
        AppInstanceType::MlG4dn8xlarge,
        AppInstanceType::MlG4dn12xlarge,
        AppInstanceType::MlG4dn16xlarge,
        AppInstanceType::MlR5Large,
        AppInstanceType::MlR5Xlarge,
        AppInstanceType::MlR52xlarge,
        AppInstanceType::MlR54xlarge,
        AppInstanceType::MlR58xlarge,
        AppInstanceType::MlR512xlarge,
        AppInstanceType::MlR516xlarge,
        AppInstanceType::MlR524xlarge,
        AppInstanceType::MlG5Xlarge,
        AppInstanceType::MlG52xlarge,
        AppInstanceType::MlG54xlarge,
        AppInstanceType::MlG58xlarge,
        AppInstanceType::MlG516xlarge,
        AppInstanceType::MlG512xlarge,
        AppInstanceType::MlG524xlarge,
        AppInstanceType::MlG548xlarge,
        AppInstanceType::MlG6Xlarge,
        AppInstanceType::MlG62xlarge,
        AppInstanceType::MlG64xlarge,
        AppInstanceType::MlG68xlarge,
        AppInstanceType::MlG612xlarge,
        AppInstanceType::MlG616xlarge,
        AppInstanceType::MlG624xlarge,
        AppInstanceType::MlG648xlarge,
        AppInstanceType::MlG6eXlarge,
        AppInstanceType::MlG6e2xlarge,
        AppInstanceType::MlG6e4xlarge,
        AppInstanceType::MlG6e8xlarge,
        AppInstanceType::MlG6e12xlarge,
        AppInstanceType::MlG6e16xlarge,
        AppInstanceType::MlG6e24xlarge,
        AppInstanceType::MlG6e48xlarge,
        AppInstanceType::MlGeospatialInteractive,
        AppInstanceType::MlP4d24xlarge,
        AppInstanceType::MlP4de24xlarge,
        AppInstanceType::MlTrn12xlarge,
        AppInstanceType::MlTrn132xlarge,
        AppInstanceType::MlTrn1n32xlarge,
        AppInstanceType::MlP548xlarge,
        AppInstanceType::MlP5en48xlarge,
        AppInstanceType::MlP6B20048xlarge,
        AppInstanceType::MlM6iLarge,
        AppInstanceType::MlM6iXlarge,
        AppInstanceType::MlM6i2xlarge,
        AppInstanceType::MlM6i4xlarge,
        AppInstanceType::MlM6i8xlarge,
        AppInstanceType::MlM6i12xlarge,
        AppInstanceType::MlM6i16xlarge,
        AppInstanceType::MlM6i24xlarge,
        AppInstanceType::MlM6i32xlarge,
        AppInstanceType::MlM7iLarge,
        AppInstanceType::MlM7iXlarge,
        AppInstanceType::MlM7i2xlarge,
        AppInstanceType::MlM7i4xlarge,
        AppInstanceType::MlM7i8xlarge,
        AppInstanceType::MlM7i12xlarge,
        AppInstanceType::MlM7i16xlarge,
        AppInstanceType::MlM7i24xlarge,
        AppInstanceType::MlM7i48xlarge,
        AppInstanceType::MlC6iLarge,
        AppInstanceType::MlC6iXlarge,
        AppInstanceType::MlC6i2xlarge,
        AppInstanceType::MlC6i4xlarge,
        AppInstanceType::MlC6i8xlarge,
        AppInstanceType::MlC6i12xlarge,
        AppInstanceType::MlC6i16xlarge,
        AppInstanceType::MlC6i24xlarge,
        AppInstanceType::MlC6i32xlarge,
        AppInstanceType::MlC7iLarge,
        AppInstanceType::MlC7iXlarge,
        AppInstanceType::MlC7i2xlarge,
        AppInstanceType::MlC7i4xlarge,
        AppInstanceType::MlC7i8xlarge,
        AppInstanceType::MlC7i12xlarge,
        AppInstanceType::MlC7i16xlarge,
        AppInstanceType::MlC7i24xlarge,
        AppInstanceType::MlC7i48xlarge,
        AppInstanceType::MlR6iLarge,
        AppInstanceType::MlR6iXlarge,
        AppInstanceType::MlR6i2xlarge,
        AppInstanceType::MlR6i4xlarge,
        AppInstanceType::MlR6i8xlarge,
        AppInstanceType::MlR6i12xlarge,
        AppInstanceType::MlR6i16xlarge,
        AppInstanceType::MlR6i24xlarge,
        AppInstanceType::MlR6i32xlarge,
        AppInstanceType::MlR7iLarge,
        AppInstanceType::MlR7iXlarge,
        AppInstanceType::MlR7i2xlarge,
        AppInstanceType::MlR7i4xlarge,
        AppInstanceType::MlR7i8xlarge,
        AppInstanceType::MlR7i12xlarge,
        AppInstanceType::MlR7i16xlarge,
        AppInstanceType::MlR7i24xlarge,
        AppInstanceType::MlR7i48xlarge,
        AppInstanceType::MlM6idLarge,
        AppInstanceType::MlM6idXlarge,
        AppInstanceType::MlM6id2xlarge,
        AppInstanceType::MlM6id4xlarge,
        AppInstanceType::MlM6id8xlarge,
        AppInstanceType::MlM6id12xlarge,
        AppInstanceType::MlM6id16xlarge,
        AppInstanceType::MlM6id24xlarge,
        AppInstanceType::MlM6id32xlarge,
        AppInstanceType::MlC6idLarge,
        AppInstanceType::MlC6idXlarge,
        AppInstanceType::MlC6id2xlarge,
        AppInstanceType::MlC6id4xlarge,
        AppInstanceType::MlC6id8xlarge,
        AppInstanceType::MlC6id12xlarge,
        AppInstanceType::MlC6id16xlarge,
        AppInstanceType::MlC6id24xlarge,
        AppInstanceType::MlC6id32xlarge,
        AppInstanceType::MlR6idLarge,
        AppInstanceType::MlR6idXlarge,
        AppInstanceType::MlR6id2xlarge,
        AppInstanceType::MlR6id4xlarge,
        AppInstanceType::MlR6id8xlarge,
        AppInstanceType::MlR6id12xlarge,
        AppInstanceType::MlR6id16xlarge,
        AppInstanceType::MlR6id24xlarge,
        AppInstanceType::MlR6id32xlarge,
        AppInstanceType::MlP54xlarge,
        AppInstanceType::MlG72xlarge,
        AppInstanceType::MlG74xlarge,
        AppInstanceType::MlG78xlarge,
        AppInstanceType::MlG712xlarge,
        AppInstanceType::MlG724xlarge,
        AppInstanceType::MlG748xlarge,
        AppInstanceType::MlG7e2xlarge,
        AppInstanceType::MlG7e4xlarge,
        AppInstanceType::MlG7e8xlarge,
        AppInstanceType::MlG7e12xlarge,
        AppInstanceType::MlG7e24xlarge,
        AppInstanceType::MlG7e48xlarge,
    ];

    fn as_str(self) -> &'static str {
        match self {
            AppInstanceType::System => "system",
            AppInstanceType::MlT3Micro => "ml.t3.micro",
            AppInstanceType::MlT3Small => "ml.t3.small",
            AppInstanceType::MlT3Medium => "ml.t3.medium",
            AppInstanceType::MlT3Large => "ml.t3.large",
            AppInstanceType::MlT3Xlarge => "ml.t3.xlarge",
            AppInstanceType::MlT32xlarge => "ml.t3.2xlarge",
            AppInstanceType::MlM5Large => "ml.m5.large",
            AppInstanceType::MlM5Xlarge => "ml.m5.xlarge",
            AppInstanceType::MlM52xlarge => "ml.m5.2xlarge",
            AppInstanceType::MlM54xlarge => "ml.m5.4xlarge",
            AppInstanceType::MlM58xlarge => "ml.m5.8xlarge",
            AppInstanceType::MlM512xlarge => "ml.m5.12xlarge",
            AppInstanceType::MlM516xlarge => "ml.m5.16xlarge",
            AppInstanceType::MlM524xlarge => "ml.m5.24xlarge",
            AppInstanceType::MlM5dLarge => "ml.m5d.large",
            AppInstanceType::MlM5dXlarge => "ml.m5d.xlarge",
            AppInstanceType::MlM5d2xlarge => "ml.m5d.2xlarge",
            AppInstanceType::MlM5d4xlarge => "ml.m5d.4xlarge",
            AppInstanceType::MlM5d8xlarge => "ml.m5d.8xlarge",
            AppInstanceType::MlM5d12xlarge => "ml.m5d.12xlarge",
            AppInstanceType::MlM5d16xlarge => "ml.m5d.16xlarge",
            AppInstanceType::MlM5d24xlarge => "ml.m5d.24xlarge",
            AppInstanceType::MlC5Large => "ml.c5.large",
            AppInstanceType::MlC5Xlarge => "ml.c5.xlarge",
            AppInstanceType::MlC52xlarge => "ml.c5.2xlarge",
            AppInstanceType::MlC54xlarge => "ml.c5.4xlarge",
            AppInstanceType::MlC59xlarge => "ml.c5.9xlarge",
            AppInstanceType::MlC512xlarge => "ml.c5.12xlarge",
            AppInstanceType::MlC518xlarge => "ml.c5.18xlarge",
            AppInstanceType::MlC524xlarge => "ml.c5.24xlarge",
            AppInstanceType::MlP32xlarge => "ml.p3.2xlarge",
            AppInstanceType::MlP38xlarge => "ml.p3.8xlarge",
            AppInstanceType::MlP316xlarge => "ml.p3.16xlarge",
            AppInstanceType::MlP3dn24xlarge => "ml.p3dn.24xlarge",
            AppInstanceType::MlG4dnXlarge => "ml.g4dn.xlarge",
            AppInstanceType::MlG4dn2xlarge => "ml.g4dn.2xlarge",
            AppInstanceType::MlG4dn4xlarge => "ml.g4dn.4xlarge",
            AppInstanceType::MlG4dn8xlarge => "ml.g4dn.8xlarge",
            AppInstanceType::MlG4dn12xlarge => "ml.g4dn.12xlarge",
            AppInstanceType::MlG4dn16xlarge => "ml.g4dn.16xlarge",
            AppInstanceType::MlR5Large => "ml.r5.large",
            AppInstanceType::MlR5Xlarge => "ml.r5.xlarge",
            AppInstanceType::MlR52xlarge => "ml.r5.2xlarge",
            AppInstanceType::MlR54xlarge => "ml.r5.4xlarge",
            AppInstanceType::MlR58xlarge => "ml.r5.8xlarge",
            AppInstanceType::MlR512xlarge => "ml.r5.12xlarge",
            AppInstanceType::MlR516xlarge => "ml.r5.16xlarge",
            AppInstanceType::MlR524xlarge => "ml.r5.24xlarge",
            AppInstanceType::MlG5Xlarge => "ml.g5.xlarge",
            AppInstanceType::MlG52xlarge => "ml.g5.2xlarge",
            AppInstanceType::MlG54xlarge => "ml.g5.4xlarge",
            AppInstanceType::MlG58xlarge => "ml.g5.8xlarge",
            AppInstanceType::MlG516xlarge => "ml.g5.16xlarge",
            AppInstanceType::MlG512xlarge => "ml.g5.12xlarge",
            AppInstanceType::MlG524xlarge => "ml.g5.24xlarge",
            AppInstanceType::MlG548xlarge => "ml.g5.48xlarge",
            AppInstanceType::MlG6Xlarge => "ml.g6.xlarge",
            AppInstanceType::MlG62xlarge => "ml.g6.2xlarge",
            AppInstanceType::MlG64xlarge => "ml.g6.4xlarge",
            AppInstanceType::MlG68xlarge => "ml.g6.8xlarge",
            AppInstanceType::MlG612xlarge => "ml.g6.12xlarge",
            AppInstanceType::MlG616xlarge => "ml.g6.16xlarge",
            AppInstanceType::MlG624xlarge => "ml.g6.24xlarge",
            AppInstanceType::MlG648xlarge => "ml.g6.48xlarge",
            AppInstanceType::MlG6eXlarge => "ml.g6e.xlarge",
            AppInstanceType::MlG6e2xlarge => "ml.g6e.2xlarge",
            AppInstanceType::MlG6e4xlarge => "ml.g6e.4xlarge",
            AppInstanceType::MlG6e8xlarge => "ml.g6e.8xlarge",
            AppInstanceType::MlG6e12xlarge => "ml.g6e.12xlarge",
            AppInstanceType::MlG6e16xlarge => "ml.g6e.16xlarge",
            AppInstanceType::MlG6e24xlarge => "ml.g6e.24xlarge",
            AppInstanceType::MlG6e48xlarge => "ml.g6e.48xlarge",
            AppInstanceType::MlGeospatialInteractive => "ml.geospatial.interactive",
            AppInstanceType::MlP4d24xlarge => "ml.p4d.24xlarge",
            AppInstanceType::MlP4de24xlarge => "ml.p4de.24xlarge",
            AppInstanceType::MlTrn12xlarge => "ml.trn1.2xlarge",
            AppInstanceType::MlTrn132xlarge => "ml.trn1.32xlarge",
            AppInstanceType::MlTrn1n32xlarge => "ml.trn1n.32xlarge",
            AppInstanceType::MlP548xlarge => "ml.p5.48xlarge",
            AppInstanceType::MlP5en48xlarge => "ml.p5en.48xlarge",
            AppInstanceType::MlP6B20048xlarge => "ml.p6-b200.48xlarge",
            AppInstanceType::MlM6iLarge => "ml.m6i.large",
            AppInstanceType::MlM6iXlarge => "ml.m6i.xlarge",
            AppInstanceType::MlM6i2xlarge => "ml.m6i.2xlarge",
            AppInstanceType::MlM6i4xlarge => "ml.m6i.4xlarge",
            AppInstanceType::MlM6i8xlarge => "ml.m6i.8xlarge",
            AppInstanceType::MlM6i12xlarge => "ml.m6i.12xlarge",
            AppInstanceType::MlM6i16xlarge => "ml.m6i.16xlarge",
            AppInstanceType::MlM6i24xlarge => "ml.m6i.24xlarge",
            AppInstanceType::MlM6i32xlarge => "ml.m6i.32xlarge",
            AppInstanceType::MlM7iLarge => "ml.m7i.large",
            AppInstanceType::MlM7iXlarge => "ml.m7i.xlarge",
            AppInstanceType::MlM7i2xlarge => "ml.m7i.2xlarge",
            AppInstanceType::MlM7i4xlarge => "ml.m7i.4xlarge",
            AppInstanceType::MlM7i8xlarge => "ml.m7i.8xlarge",
            AppInstanceType::MlM7i12xlarge => "ml.m7i.12xlarge",
            AppInstanceType::MlM7i16xlarge => "ml.m7i.16xlarge",
            AppInstanceType::MlM7i24xlarge => "ml.m7i.24xlarge",
            AppInstanceType::MlM7i48xlarge => "ml.m7i.48xlarge",
            AppInstanceType::MlC6iLarge => "ml.c6i.large",
            AppInstanceType::MlC6iXlarge => "ml.c6i.xlarge",
            AppInstanceType::MlC6i2xlarge => "ml.c6i.2xlarge",
            AppInstanceType::MlC6i4xlarge => "ml.c6i.4xlarge",
            AppInstanceType::MlC6i8xlarge => "ml.c6i.8xlarge",
            AppInstanceType::MlC6i12xlarge => "ml.c6i.12xlarge",
            AppInstanceType::MlC6i16xlarge => "ml.c6i.16xlarge",
            AppInstanceType::MlC6i24xlarge => "ml.c6i.24xlarge",
            AppInstanceType::MlC6i32xlarge => "ml.c6i.32xlarge",
            AppInstanceType::MlC7iLarge => "ml.c7i.large",
            AppInstanceType::MlC7iXlarge => "ml.c7i.xlarge",
            AppInstanceType::MlC7i2xlarge => "ml.c7i.2xlarge",
            AppInstanceType::MlC7i4xlarge => "ml.c7i.4xlarge",
            AppInstanceType::MlC7i8xlarge => "ml.c7i.8xlarge",
            AppInstanceType::MlC7i12xlarge => "ml.c7i.12xlarge",
            AppInstanceType::MlC7i16xlarge => "ml.c7i.16xlarge",
            AppInstanceType::MlC7i24xlarge => "ml.c7i.24xlarge",
            AppInstanceType::MlC7i48xlarge => "ml.c7i.48xlarge",
            AppInstanceType::MlR6iLarge => "ml.r6i.large",
            AppInstanceType::MlR6iXlarge => "ml.r6i.xlarge",
            AppInstanceType::MlR6i2xlarge => "ml.r6i.2xlarge",
            AppInstanceType::MlR6i4xlarge => "ml.r6i.4xlarge",
            AppInstanceType::MlR6i8xlarge => "ml.r6i.8xlarge",
            AppInstanceType::MlR6i12xlarge => "ml.r6i.12xlarge",
            AppInstanceType::MlR6i16xlarge => "ml.r6i.16xlarge",
            AppInstanceType::MlR6i24xlarge => "ml.r6i.24xlarge",
            AppInstanceType::MlR6i32xlarge => "ml.r6i.32xlarge",
            AppInstanceType::MlR7iLarge => "ml.r7i.large",
            AppInstanceType::MlR7iXlarge => "ml.r7i.xlarge",
            AppInstanceType::MlR7i2xlarge => "ml.r7i.2xlarge",
            AppInstanceType::MlR7i4xlarge => "ml.r7i.4xlarge",
            AppInstanceType::MlR7i8xlarge => "ml.r7i.8xlarge",
            AppInstanceType::MlR7i12xlarge => "ml.r7i.12xlarge",
            AppInstanceType::MlR7i16xlarge => "ml.r7i.16xlarge",
            AppInstanceType::MlR7i24xlarge => "ml.r7i.24xlarge",
            AppInstanceType::MlR7i48xlarge => "ml.r7i.48xlarge",
            AppInstanceType::MlM6idLarge => "ml.m6id.large",
            AppInstanceType::MlM6idXlarge => "ml.m6id.xlarge",
            AppInstanceType::MlM6id2xlarge => "ml.m6id.2xlarge",
            AppInstanceType::MlM6id4xlarge => "ml.m6id.4xlarge",
            AppInstanceType::MlM6id8xlarge => "ml.m6id.8xlarge",
            AppInstanceType::MlM6id12xlarge => "ml.m6id.12xlarge",
            AppInstanceType::MlM6id16xlarge => "ml.m6id.16xlarge",
            AppInstanceType::MlM6id24xlarge => "ml.m6id.24xlarge",
            AppInstanceType::MlM6id32xlarge => "ml.m6id.32xlarge",
            AppInstanceType::MlC6idLarge => "ml.c6id.large",
            AppInstanceType::MlC6idXlarge => "ml.c6id.xlarge",
            AppInstanceType::MlC6id2xlarge => "ml.c6id.2xlarge",
            AppInstanceType::MlC6id4xlarge => "ml.c6id.4xlarge",
            AppInstanceType::MlC6id8xlarge => "ml.c6id.8xlarge",
            AppInstanceType::MlC6id12xlarge => "ml.c6id.12xlarge",
            AppInstanceType::MlC6id16xlarge => "ml.c6id.16xlarge",
            AppInstanceType::MlC6id24xlarge => "ml.c6id.24xlarge",
            AppInstanceType::MlC6id32xlarge => "ml.c6id.32xlarge",
            AppInstanceType::MlR6idLarge => "ml.r6id.large",
            AppInstanceType::MlR6idXlarge => "ml.r6id.xlarge",
            AppInstanceType::MlR6id2xlarge => "ml.r6id.2xlarge",
            AppInstanceType::MlR6id4xlarge => "ml.r6id.4xlarge",
            AppInstanceType::MlR6id8xlarge => "ml.r6id.8xlarge",
            AppInstanceType::MlR6id12xlarge => "ml.r6id.12xlarge",
            AppInstanceType::MlR6id16xlarge => "ml.r6id.16xlarge",
            AppInstanceType::MlR6id24xlarge => "ml.r6id.24xlarge",
            AppInstanceType::MlR6id32xlarge => "ml.r6id.32xlarge",
            AppInstanceType::MlP54xlarge => "ml.p5.4xlarge",
            AppInstanceType::MlG72xlarge => "ml.g7.2xlarge",
            AppInstanceType::MlG74xlarge => "ml.g7.4xlarge",
            AppInstanceType::MlG78xlarge => "ml.g7.8xlarge",
            AppInstanceType::MlG712xlarge => "ml.g7.12xlarge",
            AppInstanceType::MlG724xlarge => "ml.g7.24xlarge",
            AppInstanceType::MlG748xlarge => "ml.g7.48xlarge",
            AppInstanceType::MlG7e2xlarge => "ml.g7e.2xlarge",
            AppInstanceType::MlG7e4xlarge => "ml.g7e.4xlarge",
            AppInstanceType::MlG7e8xlarge => "ml.g7e.8xlarge",
            AppInstanceType::MlG7e12xlarge => "ml.g7e.12xlarge",
            AppInstanceType::MlG7e24xlarge => "ml.g7e.24xlarge",
            AppInstanceType::MlG7e48xlarge => "ml.g7e.48xlarge",
        }
    }
}

/// `AppLifecycleManagement` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AppLifecycleManagement {
    #[serde(
        rename = "IdleSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub idle_settings: Option<IdleSettings>,
}

/// `AppNetworkAccessType` of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AppNetworkAccessType {
    #[serde(rename = "PublicInternetOnly")]
    PublicInternetOnly,
    #[serde(rename = "VpcOnly")]
    VpcOnly,
}

impl WireEnum for AppNetworkAccessType {
    const VALUES: &'static [Self] = &[
        AppNetworkAccessType::PublicInternetOnly,
        AppNetworkAccessType::VpcOnly,
    ];

    fn as_str(self) -> &'static str {
        match self {
            AppNetworkAccessType::PublicInternetOnly => "PublicInternetOnly",
            AppNetworkAccessType::VpcOnly => "VpcOnly",
        }
    }
}

/// `AppSecurityGroupManagement` of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AppSecurityGroupManagement {
    #[serde(rename = "Service")]
    Service,
    #[serde(rename = "Customer")]
    Customer,
}

impl WireEnum for AppSecurityGroupManagement {
    const VALUES: &'static [Self] = &[
        AppSecurityGroupManagement::Service,
        AppSecurityGroupManagement::Customer,
    ];

    fn as_str(self) -> &'static str {
        match self {
            AppSecurityGroupManagement::Service => "Service",
            AppSecurityGroupManagement::Customer => "Customer",
        }
    }
}

/// `AppSortKey` of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AppSortKey {
    #[serde(rename = "CreationTime")]
    CreationTime,
}

impl WireEnum for AppSortKey {
    const VALUES: &'static [Self] = &[AppSortKey::CreationTime];

    fn as_str(self) -> &'static str {
        match self {
            AppSortKey::CreationTime => "CreationTime",
        }
    }
}

/// `AppStatus` of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AppStatus {
    #[serde(rename = "Deleted")]
    Deleted,
    #[serde(rename = "Deleting")]
    Deleting,
    #[serde(rename = "Failed")]
    Failed,
    #[serde(rename = "InService")]
    InService,
    #[serde(rename = "Pending")]
    Pending,
}

impl WireEnum for AppStatus {
    const VALUES: &'static [Self] = &[
        AppStatus::Deleted,
        AppStatus::Deleting,
        AppStatus::Failed,
        AppStatus::InService,
        AppStatus::Pending,
    ];

    fn as_str(self) -> &'static str {
        match self {
            AppStatus::Deleted => "Deleted",
            AppStatus::Deleting => "Deleting",
            AppStatus::Failed => "Failed",
            AppStatus::InService => "InService",
            AppStatus::Pending => "Pending",
        }
    }
}

/// `AppType` of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AppType {
    #[serde(rename = "JupyterServer")]
    JupyterServer,
    #[serde(rename = "KernelGateway")]
    KernelGateway,
    #[serde(rename = "DetailedProfiler")]
    DetailedProfiler,
    #[serde(rename = "TensorBoard")]
    TensorBoard,
    #[serde(rename = "CodeEditor")]
    CodeEditor,
    #[serde(rename = "JupyterLab")]
    JupyterLab,
    #[serde(rename = "RStudioServerPro")]
    RStudioServerPro,
    #[serde(rename = "RSessionGateway")]
    RSessionGateway,
    #[serde(rename = "Canvas")]
    Canvas,
}

impl WireEnum for AppType {
    const VALUES: &'static [Self] = &[
        AppType::JupyterServer,
        AppType::KernelGateway,
        AppType::DetailedProfiler,
        AppType::TensorBoard,
        AppType::CodeEditor,
        AppType::JupyterLab,
        AppType::RStudioServerPro,
        AppType::RSessionGateway,
        AppType::Canvas,
    ];

    fn as_str(self) -> &'static str {
        match self {
            AppType::JupyterServer => "JupyterServer",
            AppType::KernelGateway => "KernelGateway",
            AppType::DetailedProfiler => "DetailedProfiler",
            AppType::TensorBoard => "TensorBoard",
            AppType::CodeEditor => "CodeEditor",
            AppType::JupyterLab => "JupyterLab",
            AppType::RStudioServerPro => "RStudioServerPro",
            AppType::RSessionGateway => "RSessionGateway",
            AppType::Canvas => "Canvas",
        }
    }
}

/// `AuthMode` of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AuthMode {
    #[serde(rename = "SSO")]
    Sso,
    #[serde(rename = "IAM")]
    Iam,
}

impl WireEnum for AuthMode {
    const VALUES: &'static [Self] = &[AuthMode::Sso, AuthMode::Iam];

    fn as_str(self) -> &'static str {
        match self {
            AuthMode::Sso => "SSO",
            AuthMode::Iam => "IAM",
        }
    }
}

/// `AutoMountHomeEFS` of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AutoMountHomeEFS {
    #[serde(rename = "Enabled")]
    Enabled,
    #[serde(rename = "Disabled")]
    Disabled,
    #[serde(rename = "DefaultAsDomain")]
    DefaultAsDomain,
}

impl WireEnum for AutoMountHomeEFS {
    const VALUES: &'static [Self] = &[
        AutoMountHomeEFS::Enabled,
        AutoMountHomeEFS::Disabled,
        AutoMountHomeEFS::DefaultAsDomain,
    ];

    fn as_str(self) -> &'static str {
        match self {
            AutoMountHomeEFS::Enabled => "Enabled",
            AutoMountHomeEFS::Disabled => "Disabled",
            AutoMountHomeEFS::DefaultAsDomain => "DefaultAsDomain",
        }
    }
}

/// `CanvasAppSettings` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CanvasAppSettings {
    #[serde(
        rename = "DirectDeploySettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub direct_deploy_settings: Option<DirectDeploySettings>,
    #[serde(
        rename = "EmrServerlessSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub emr_serverless_settings: Option<EmrServerlessSettings>,
    #[serde(
        rename = "GenerativeAiSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub generative_ai_settings: Option<GenerativeAiSettings>,
    #[serde(
        rename = "IdentityProviderOAuthSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub identity_provider_o_auth_settings: Option<Vec<IdentityProviderOAuthSetting>>,
    #[serde(
        rename = "KendraSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub kendra_settings: Option<KendraSettings>,
    #[serde(
        rename = "ModelRegisterSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub model_register_settings: Option<ModelRegisterSettings>,
    #[serde(
        rename = "TimeSeriesForecastingSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub time_series_forecasting_settings: Option<TimeSeriesForecastingSettings>,
    #[serde(
        rename = "WorkspaceSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workspace_settings: Option<WorkspaceSettings>,
}

/// `CodeEditorAppImageConfig` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CodeEditorAppImageConfig {
    #[serde(
        rename = "ContainerConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_config: Option<ContainerConfig>,
    #[serde(
        rename = "FileSystemConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub file_system_config: Option<FileSystemConfig>,
}

/// `CodeEditorAppSettings` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CodeEditorAppSettings {
    #[serde(
        rename = "AppLifecycleManagement",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub app_lifecycle_management: Option<AppLifecycleManagement>,
    #[serde(
        rename = "BuiltInLifecycleConfigArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub built_in_lifecycle_config_arn: Option<String>,
    #[serde(
        rename = "CustomImages",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub custom_images: Option<Vec<CustomImage>>,
    #[serde(
        rename = "DefaultResourceSpec",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub default_resource_spec: Option<ResourceSpec>,
    #[serde(
        rename = "LifecycleConfigArns",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub lifecycle_config_arns: Option<Vec<String>>,
}

/// `CodeRepository` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CodeRepository {
    #[serde(rename = "RepositoryUrl")]
    pub repository_url: String,
}

/// `ContainerConfig` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ContainerConfig {
    #[serde(
        rename = "ContainerArguments",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_arguments: Option<Vec<String>>,
    #[serde(
        rename = "ContainerEntrypoint",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_entrypoint: Option<Vec<String>>,
    #[serde(
        rename = "ContainerEnvironmentVariables",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_environment_variables: Option<BTreeMap<String, String>>,
}

/// `CreateAppImageConfigRequest` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateAppImageConfigRequest {
    #[serde(rename = "AppImageConfigName")]
    pub app_image_config_name: String,
    #[serde(
        rename = "CodeEditorAppImageConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_editor_app_image_config: Option<CodeEditorAppImageConfig>,
    #[serde(
        rename = "JupyterLabAppImageConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub jupyter_lab_app_image_config: Option<JupyterLabAppImageConfig>,
    #[serde(
        rename = "KernelGatewayImageConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub kernel_gateway_image_config: Option<KernelGatewayImageConfig>,
    #[serde(rename = "Tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
}

/// `CreateAppImageConfigResponse` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateAppImageConfigResponse {
    #[serde(
        rename = "AppImageConfigArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub app_image_config_arn: Option<String>,
}

/// `CreateAppRequest` of the model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreateAppRequest {
    #[serde(rename = "AppName")]
    pub app_name: String,
    #[serde(rename = "AppType")]
    pub app_type: AppType,
    #[serde(rename = "DomainId")]
    pub domain_id: String,
    #[serde(
        rename = "RecoveryMode",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub recovery_mode: Option<bool>,
    #[serde(
        rename = "ResourceSpec",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub resource_spec: Option<ResourceSpec>,
    #[serde(rename = "SpaceName", default, skip_serializing_if = "Option::is_none")]
    pub space_name: Option<String>,
    #[serde(rename = "Tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    #[serde(
        rename = "UserProfileName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub user_profile_name: Option<String>,
}

/// `CreateAppResponse` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateAppResponse {
    #[serde(rename = "AppArn", default, skip_serializing_if = "Option::is_none")]
    pub app_arn: Option<String>,
}

/// `CreateDomainRequest` of the model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreateDomainRequest {
    #[serde(
        rename = "AppNetworkAccessType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub app_network_access_type: Option<AppNetworkAccessType>,
    #[serde(
        rename = "AppSecurityGroupManagement",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub app_security_group_management: Option<AppSecurityGroupManagement>,
    #[serde(rename = "AuthMode")]
    pub auth_mode: AuthMode,
    #[serde(
        rename = "DefaultSpaceSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub default_space_settings: Option<DefaultSpaceSettings>,
    #[serde(rename = "DefaultUserSettings")]
    pub default_user_settings: UserSettings,
    #[serde(rename = "DomainName")]
    pub domain_name: String,
    #[serde(
        rename = "DomainSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub domain_settings: Option<DomainSettings>,
    #[serde(
        rename = "HomeEfsFileSystemCreation",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub home_efs_file_system_creation: Option<HomeEfsFileSystemCreation>,
    #[serde(
        rename = "HomeEfsFileSystemKmsKeyId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub home_efs_file_system_kms_key_id: Option<String>,
    #[serde(rename = "KmsKeyId", default, skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
    #[serde(rename = "SubnetIds", default, skip_serializing_if = "Option::is_none")]
    pub subnet_ids: Option<Vec<String>>,
    #[serde(
        rename = "TagPropagation",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub tag_propagation: Option<TagPropagation>,
    #[serde(rename = "Tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    #[serde(rename = "VpcId", default, skip_serializing_if = "Option::is_none")]
    pub vpc_id: Option<String>,
}

/// `CreateDomainResponse` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateDomainResponse {
    #[serde(rename = "DomainArn", default, skip_serializing_if = "Option::is_none")]
    pub domain_arn: Option<String>,
    #[serde(rename = "DomainId", default, skip_serializing_if = "Option::is_none")]
    pub domain_id: Option<String>,
    #[serde(rename = "Url", default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// `CreateImageRequest` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateImageRequest {
    #[serde(
        rename = "Description",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    #[serde(
        rename = "DisplayName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub display_name: Option<String>,
    #[serde(rename = "ImageName")]
    pub image_name: String,
    #[serde(rename = "RoleArn")]
    pub role_arn: String,
    #[serde(rename = "Tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
}

/// `CreateImageResponse` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateImageResponse {
    #[serde(rename = "ImageArn", default, skip_serializing_if = "Option::is_none")]
    pub image_arn: Option<String>,
}

/// `CreateImageVersionRequest` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateImageVersionRequest {
    #[serde(rename = "Aliases", default, skip_serializing_if = "Option::is_none")]
    pub aliases: Option<Vec<String>>,
    #[serde(rename = "BaseImage")]
    pub base_image: String,
    #[serde(rename = "ClientToken")]
    pub client_token: String,
    #[serde(rename = "Horovod", default, skip_serializing_if = "Option::is_none")]
    pub horovod: Option<bool>,
    #[serde(rename = "ImageName")]
    pub image_name: String,
    #[serde(rename = "JobType", default, skip_serializing_if = "Option::is_none")]
    pub job_type: Option<JobType>,
    #[serde(
        rename = "MLFramework",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ml_framework: Option<String>,
    #[serde(rename = "Processor", default, skip_serializing_if = "Option::is_none")]
    pub processor: Option<Processor>,
    #[serde(
        rename = "ProgrammingLang",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub programming_lang: Option<String>,
    #[serde(
        rename = "ReleaseNotes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub release_notes: Option<String>,
    #[serde(
        rename = "VendorGuidance",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub vendor_guidance: Option<VendorGuidance>,
}

/// `CreateImageVersionResponse` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateImageVersionResponse {
    #[serde(
        rename = "ImageVersionArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub image_version_arn: Option<String>,
}

/// `CreatePresignedDomainUrlRequest` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreatePresignedDomainUrlRequest {
    #[serde(rename = "DomainId")]
    pub domain_id: String,
    #[serde(
        rename = "ExpiresInSeconds",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub expires_in_seconds: Option<i32>,
    #[serde(
        rename = "LandingUri",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub landing_uri: Option<String>,
    #[serde(
        rename = "SessionExpirationDurationInSeconds",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub session_expiration_duration_in_seconds: Option<i32>,
    #[serde(rename = "SpaceName", default, skip_serializing_if = "Option::is_none")]
    pub space_name: Option<String>,
    #[serde(rename = "UserProfileName")]
    pub user_profile_name: String,
}

/// `CreatePresignedDomainUrlResponse` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreatePresignedDomainUrlResponse {
    #[serde(
        rename = "AuthorizedUrl",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub authorized_url: Option<String>,
}

/// `CreateSpaceRequest` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateSpaceRequest {
    #[serde(rename = "DomainId")]
    pub domain_id: String,
    #[serde(
        rename = "OwnershipSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ownership_settings: Option<OwnershipSettings>,
    #[serde(
        rename = "SpaceDisplayName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub space_display_name: Option<String>,
    #[serde(rename = "SpaceName")]
    pub space_name: String,
    #[serde(
        rename = "SpaceSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub space_settings: Option<SpaceSettings>,
    #[serde(
        rename = "SpaceSharingSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub space_sharing_settings: Option<SpaceSharingSettings>,
    #[serde(rename = "Tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
}

/// `CreateSpaceResponse` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateSpaceResponse {
    #[serde(rename = "SpaceArn", default, skip_serializing_if = "Option::is_none")]
    pub space_arn: Option<String>,
}

/// `CreateStudioLifecycleConfigRequest` of the model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreateStudioLifecycleConfigRequest {
    #[serde(rename = "StudioLifecycleConfigAppType")]
    pub studio_lifecycle_config_app_type: StudioLifecycleConfigAppType,
    #[serde(rename = "StudioLifecycleConfigContent")]
    pub studio_lifecycle_config_content: String,
    #[serde(rename = "StudioLifecycleConfigName")]
    pub studio_lifecycle_config_name: String,
    #[serde(rename = "Tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
}

/// `CreateStudioLifecycleConfigResponse` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateStudioLifecycleConfigResponse {
    #[serde(
        rename = "StudioLifecycleConfigArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub studio_lifecycle_config_arn: Option<String>,
}

/// `CreateUserProfileRequest` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateUserProfileRequest {
    #[serde(rename = "DomainId")]
    pub domain_id: String,
    #[serde(
        rename = "SingleSignOnUserIdentifier",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub single_sign_on_user_identifier: Option<String>,
    #[serde(
        rename = "SingleSignOnUserValue",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub single_sign_on_user_value: Option<String>,
    #[serde(rename = "Tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    #[serde(rename = "UserProfileName")]
    pub user_profile_name: String,
    #[serde(
        rename = "UserSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub user_settings: Option<UserSettings>,
}

/// `CreateUserProfileResponse` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateUserProfileResponse {
    #[serde(
        rename = "UserProfileArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub user_profile_arn: Option<String>,
}

/// `CustomFileSystem` of the model (a union: exactly one member is set).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CustomFileSystem {
    #[serde(
        rename = "EFSFileSystem",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub efs_file_system: Option<EFSFileSystem>,
    #[serde(
        rename = "FSxLustreFileSystem",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub f_sx_lustre_file_system: Option<FSxLustreFileSystem>,
    #[serde(
        rename = "S3FileSystem",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub s3_file_system: Option<S3FileSystem>,
}

/// `CustomFileSystemConfig` of the model (a union: exactly one member is set).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CustomFileSystemConfig {
    #[serde(
        rename = "EFSFileSystemConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub efs_file_system_config: Option<EFSFileSystemConfig>,
    #[serde(
        rename = "FSxLustreFileSystemConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub f_sx_lustre_file_system_config: Option<FSxLustreFileSystemConfig>,
    #[serde(
        rename = "S3FileSystemConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub s3_file_system_config: Option<S3FileSystemConfig>,
}

/// `CustomImage` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CustomImage {
    #[serde(rename = "AppImageConfigName")]
    pub app_image_config_name: String,
    #[serde(rename = "ImageName")]
    pub image_name: String,
    #[serde(
        rename = "ImageVersionNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub image_version_number: Option<i32>,
}

/// `CustomPosixUserConfig` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CustomPosixUserConfig {
    #[serde(rename = "Gid")]
    pub gid: i64,
    #[serde(rename = "Uid")]
    pub uid: i64,
}

/// `DataSourceName` of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DataSourceName {
    #[serde(rename = "SalesforceGenie")]
    SalesforceGenie,
    #[serde(rename = "Snowflake")]
    Snowflake,
}

impl WireEnum for DataSourceName {
    const VALUES: &'static [Self] = &[DataSourceName::SalesforceGenie, DataSourceName::Snowflake];

    fn as_str(self) -> &'static str {
        match self {
            DataSourceName::SalesforceGenie => "SalesforceGenie",
            DataSourceName::Snowflake => "Snowflake",
        }
    }
}

/// `DefaultEbsStorageSettings` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DefaultEbsStorageSettings {
    #[serde(rename = "DefaultEbsVolumeSizeInGb")]
    pub default_ebs_volume_size_in_gb: i32,
    #[serde(rename = "MaximumEbsVolumeSizeInGb")]
    pub maximum_ebs_volume_size_in_gb: i32,
}

/// `DefaultSpaceSettings` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DefaultSpaceSettings {
    #[serde(
        rename = "CustomFileSystemConfigs",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub custom_file_system_configs: Option<Vec<CustomFileSystemConfig>>,
    #[serde(
        rename = "CustomPosixUserConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub custom_posix_user_config: Option<CustomPosixUserConfig>,
    #[serde(
        rename = "ExecutionRole",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_role: Option<String>,
    #[serde(
        rename = "JupyterLabAppSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub jupyter_lab_app_settings: Option<JupyterLabAppSettings>,
    #[serde(
        rename = "JupyterServerAppSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub jupyter_server_app_settings: Option<JupyterServerAppSettings>,
    #[serde(
        rename = "KernelGatewayAppSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub kernel_gateway_app_settings: Option<KernelGatewayAppSettings>,
    #[serde(
        rename = "SecurityGroups",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub security_groups: Option<Vec<String>>,
    #[serde(
        rename = "SpaceStorageSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub space_storage_settings: Option<DefaultSpaceStorageSettings>,
}

/// `DefaultSpaceStorageSettings` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DefaultSpaceStorageSettings {
    #[serde(
        rename = "DefaultEbsStorageSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub default_ebs_storage_settings: Option<DefaultEbsStorageSettings>,
}

/// `DeleteAppImageConfigRequest` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteAppImageConfigRequest {
    #[serde(rename = "AppImageConfigName")]
    pub app_image_config_name: String,
}

/// `DeleteAppRequest` of the model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeleteAppRequest {
    #[serde(rename = "AppName")]
    pub app_name: String,
    #[serde(rename = "AppType")]
    pub app_type: AppType,
    #[serde(rename = "DomainId")]
    pub domain_id: String,
    #[serde(rename = "SpaceName", default, skip_serializing_if = "Option::is_none")]
    pub space_name: Option<String>,
    #[serde(
        rename = "UserProfileName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub user_profile_name: Option<String>,
}

/// `DeleteDomainRequest` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteDomainRequest {
    #[serde(rename = "DomainId")]
    pub domain_id: String,
    #[serde(
        rename = "RetentionPolicy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub retention_policy: Option<RetentionPolicy>,
}

/// `DeleteImageRequest` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteImageRequest {
    #[serde(rename = "ImageName")]
    pub image_name: String,
}

/// `DeleteImageResponse` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteImageResponse {}

/// `DeleteImageVersionRequest` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteImageVersionRequest {
    #[serde(rename = "Alias", default, skip_serializing_if = "Option::is_none")]
    pub alias: Option<String>,
    #[serde(rename = "ImageName")]
    pub image_name: String,
    #[serde(rename = "Version", default, skip_serializing_if = "Option::is_none")]
    pub version: Option<i32>,
}

/// `DeleteImageVersionResponse` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteImageVersionResponse {}

/// `DeleteSpaceRequest` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteSpaceRequest {
    #[serde(rename = "DomainId")]
    pub domain_id: String,
    #[serde(rename = "SpaceName")]
    pub space_name: String,
}

/// `DeleteStudioLifecycleConfigRequest` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteStudioLifecycleConfigRequest {
    #[serde(rename = "StudioLifecycleConfigName")]
    pub studio_lifecycle_config_name: String,
}

/// `DeleteTagsInput` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteTagsInput {
    #[serde(rename = "ResourceArn")]
    pub resource_arn: String,
    #[serde(rename = "TagKeys")]
    pub tag_keys: Vec<String>,
}

/// `DeleteTagsOutput` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteTagsOutput {}

/// `DeleteUserProfileRequest` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteUserProfileRequest {
    #[serde(rename = "DomainId")]
    pub domain_id: String,
    #[serde(rename = "UserProfileName")]
    pub user_profile_name: String,
}

/// `DescribeAppImageConfigRequest` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeAppImageConfigRequest {
    #[serde(rename = "AppImageConfigName")]
    pub app_image_config_name: String,
}

/// `DescribeAppImageConfigResponse` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeAppImageConfigResponse {
    #[serde(
        rename = "AppImageConfigArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub app_image_config_arn: Option<String>,
    #[serde(
        rename = "AppImageConfigName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub app_image_config_name: Option<String>,
    #[serde(
        rename = "CodeEditorAppImageConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_editor_app_image_config: Option<CodeEditorAppImageConfig>,
    #[serde(
        rename = "CreationTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub creation_time: Option<EpochSeconds>,
    #[serde(
        rename = "JupyterLabAppImageConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub jupyter_lab_app_image_config: Option<JupyterLabAppImageConfig>,
    #[serde(
        rename = "KernelGatewayImageConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub kernel_gateway_image_config: Option<KernelGatewayImageConfig>,
    #[serde(
        rename = "LastModifiedTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_modified_time: Option<EpochSeconds>,
}

/// `DescribeAppRequest` of the model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DescribeAppRequest {
    #[serde(rename = "AppName")]
    pub app_name: String,
    #[serde(rename = "AppType")]
    pub app_type: AppType,
    #[serde(rename = "DomainId")]
    pub domain_id: String,
    #[serde(rename = "SpaceName", default, skip_serializing_if = "Option::is_none")]
    pub space_name: Option<String>,
    #[serde(
        rename = "UserProfileName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub user_profile_name: Option<String>,
}

/// `DescribeAppResponse` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeAppResponse {
    #[serde(rename = "AppArn", default, skip_serializing_if = "Option::is_none")]
    pub app_arn: Option<String>,
    #[serde(rename = "AppName", default, skip_serializing_if = "Option::is_none")]
    pub app_name: Option<String>,
    #[serde(rename = "AppType", default, skip_serializing_if = "Option::is_none")]
    pub app_type: Option<AppType>,
    #[serde(
        rename = "BuiltInLifecycleConfigArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub built_in_lifecycle_config_arn: Option<String>,
    #[serde(
        rename = "CreationTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub creation_time: Option<EpochSeconds>,
    #[serde(rename = "DomainId", default, skip_serializing_if = "Option::is_none")]
    pub domain_id: Option<String>,
    #[serde(
        rename = "EffectiveTrustedIdentityPropagationStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub effective_trusted_identity_propagation_status: Option<FeatureStatus>,
    #[serde(
        rename = "FailureReason",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub failure_reason: Option<String>,
    #[serde(
        rename = "LastHealthCheckTimestamp",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_health_check_timestamp: Option<EpochSeconds>,
    #[serde(
        rename = "LastUserActivityTimestamp",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_user_activity_timestamp: Option<EpochSeconds>,
    #[serde(
        rename = "RecoveryMode",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub recovery_mode: Option<bool>,
    #[serde(
        rename = "ResourceSpec",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub resource_spec: Option<ResourceSpec>,
    #[serde(rename = "SpaceName", default, skip_serializing_if = "Option::is_none")]
    pub space_name: Option<String>,
    #[serde(rename = "Status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<AppStatus>,
    #[serde(
        rename = "UserProfileName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub user_profile_name: Option<String>,
}

/// `DescribeDomainRequest` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeDomainRequest {
    #[serde(rename = "DomainId")]
    pub domain_id: String,
}

/// `DescribeDomainResponse` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeDomainResponse {
    #[serde(
        rename = "AppNetworkAccessType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub app_network_access_type: Option<AppNetworkAccessType>,
    #[serde(
        rename = "AppSecurityGroupManagement",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub app_security_group_management: Option<AppSecurityGroupManagement>,
    #[serde(rename = "AuthMode", default, skip_serializing_if = "Option::is_none")]
    pub auth_mode: Option<AuthMode>,
    #[serde(
        rename = "CreationTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub creation_time: Option<EpochSeconds>,
    #[serde(
        rename = "DefaultSpaceSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub default_space_settings: Option<DefaultSpaceSettings>,
    #[serde(
        rename = "DefaultUserSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub default_user_settings: Option<UserSettings>,
    #[serde(rename = "DomainArn", default, skip_serializing_if = "Option::is_none")]
    pub domain_arn: Option<String>,
    #[serde(rename = "DomainId", default, skip_serializing_if = "Option::is_none")]
    pub domain_id: Option<String>,
    #[serde(
        rename = "DomainName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub domain_name: Option<String>,
    #[serde(
        rename = "DomainSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub domain_settings: Option<DomainSettings>,
    #[serde(
        rename = "FailureReason",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub failure_reason: Option<String>,
    #[serde(
        rename = "HomeEfsFileSystemCreation",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub home_efs_file_system_creation: Option<HomeEfsFileSystemCreation>,
    #[serde(
        rename = "HomeEfsFileSystemId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub home_efs_file_system_id: Option<String>,
    #[serde(
        rename = "HomeEfsFileSystemKmsKeyId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub home_efs_file_system_kms_key_id: Option<String>,
    #[serde(rename = "KmsKeyId", default, skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
    #[serde(
        rename = "LastModifiedTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_modified_time: Option<EpochSeconds>,
    #[serde(
        rename = "SecurityGroupIdForDomainBoundary",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub security_group_id_for_domain_boundary: Option<String>,
    #[serde(
        rename = "SingleSignOnApplicationArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub single_sign_on_application_arn: Option<String>,
    #[serde(
        rename = "SingleSignOnManagedApplicationInstanceId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub single_sign_on_managed_application_instance_id: Option<String>,
    #[serde(rename = "Status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DomainStatus>,
    #[serde(rename = "SubnetIds", default, skip_serializing_if = "Option::is_none")]
    pub subnet_ids: Option<Vec<String>>,
    #[serde(
        rename = "TagPropagation",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub tag_propagation: Option<TagPropagation>,
    #[serde(rename = "Url", default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(rename = "VpcId", default, skip_serializing_if = "Option::is_none")]
    pub vpc_id: Option<String>,
}

/// `DescribeImageRequest` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeImageRequest {
    #[serde(rename = "ImageName")]
    pub image_name: String,
}

/// `DescribeImageResponse` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeImageResponse {
    #[serde(
        rename = "CreationTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub creation_time: Option<EpochSeconds>,
    #[serde(
        rename = "Description",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    #[serde(
        rename = "DisplayName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub display_name: Option<String>,
    #[serde(
        rename = "FailureReason",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub failure_reason: Option<String>,
    #[serde(rename = "ImageArn", default, skip_serializing_if = "Option::is_none")]
    pub image_arn: Option<String>,
    #[serde(rename = "ImageName", default, skip_serializing_if = "Option::is_none")]
    pub image_name: Option<String>,
    #[serde(
        rename = "ImageStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub image_status: Option<ImageStatus>,
    #[serde(
        rename = "LastModifiedTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_modified_time: Option<EpochSeconds>,
    #[serde(rename = "RoleArn", default, skip_serializing_if = "Option::is_none")]
    pub role_arn: Option<String>,
}

/// `DescribeImageVersionRequest` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeImageVersionRequest {
    #[serde(rename = "Alias", default, skip_serializing_if = "Option::is_none")]
    pub alias: Option<String>,
    #[serde(rename = "ImageName")]
    pub image_name: String,
    #[serde(rename = "Version", default, skip_serializing_if = "Option::is_none")]
    pub version: Option<i32>,
}

/// `DescribeImageVersionResponse` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeImageVersionResponse {
    #[serde(rename = "BaseImage", default, skip_serializing_if = "Option::is_none")]
    pub base_image: Option<String>,
    #[serde(
        rename = "ContainerImage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_image: Option<String>,
    #[serde(
        rename = "CreationTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub creation_time: Option<EpochSeconds>,
    #[serde(
        rename = "FailureReason",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub failure_reason: Option<String>,
    #[serde(rename = "Horovod", default, skip_serializing_if = "Option::is_none")]
    pub horovod: Option<bool>,
    #[serde(rename = "ImageArn", default, skip_serializing_if = "Option::is_none")]
    pub image_arn: Option<String>,
    #[serde(
        rename = "ImageVersionArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub image_version_arn: Option<String>,
    #[serde(
        rename = "ImageVersionStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub image_version_status: Option<ImageVersionStatus>,
    #[serde(rename = "JobType", default, skip_serializing_if = "Option::is_none")]
    pub job_type: Option<JobType>,
    #[serde(
        rename = "LastModifiedTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_modified_time: Option<EpochSeconds>,
    #[serde(
        rename = "MLFramework",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ml_framework: Option<String>,
    #[serde(rename = "Processor", default, skip_serializing_if = "Option::is_none")]
    pub processor: Option<Processor>,
    #[serde(
        rename = "ProgrammingLang",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub programming_lang: Option<String>,
    #[serde(
        rename = "ReleaseNotes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub release_notes: Option<String>,
    #[serde(
        rename = "VendorGuidance",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub vendor_guidance: Option<VendorGuidance>,
    #[serde(rename = "Version", default, skip_serializing_if = "Option::is_none")]
    pub version: Option<i32>,
}

/// `DescribeSpaceRequest` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeSpaceRequest {
    #[serde(rename = "DomainId")]
    pub domain_id: String,
    #[serde(rename = "SpaceName")]
    pub space_name: String,
}

/// `DescribeSpaceResponse` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeSpaceResponse {
    #[serde(
        rename = "CreationTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub creation_time: Option<EpochSeconds>,
    #[serde(rename = "DomainId", default, skip_serializing_if = "Option::is_none")]
    pub domain_id: Option<String>,
    #[serde(
        rename = "FailureReason",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub failure_reason: Option<String>,
    #[serde(
        rename = "HomeEfsFileSystemUid",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub home_efs_file_system_uid: Option<String>,
    #[serde(
        rename = "LastModifiedTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_modified_time: Option<EpochSeconds>,
    #[serde(
        rename = "OwnershipSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ownership_settings: Option<OwnershipSettings>,
    #[serde(rename = "SpaceArn", default, skip_serializing_if = "Option::is_none")]
    pub space_arn: Option<String>,
    #[serde(
        rename = "SpaceDisplayName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub space_display_name: Option<String>,
    #[serde(rename = "SpaceName", default, skip_serializing_if = "Option::is_none")]
    pub space_name: Option<String>,
    #[serde(
        rename = "SpaceSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub space_settings: Option<SpaceSettings>,
    #[serde(
        rename = "SpaceSharingSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub space_sharing_settings: Option<SpaceSharingSettings>,
    #[serde(rename = "Status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<SpaceStatus>,
    #[serde(rename = "Url", default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// `DescribeStudioLifecycleConfigRequest` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeStudioLifecycleConfigRequest {
    #[serde(rename = "StudioLifecycleConfigName")]
    pub studio_lifecycle_config_name: String,
}

/// `DescribeStudioLifecycleConfigResponse` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeStudioLifecycleConfigResponse {
    #[serde(
        rename = "CreationTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub creation_time: Option<EpochSeconds>,
    #[serde(
        rename = "LastModifiedTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_modified_time: Option<EpochSeconds>,
    #[serde(
        rename = "StudioLifecycleConfigAppType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub studio_lifecycle_config_app_type: Option<StudioLifecycleConfigAppType>,
    #[serde(
        rename = "StudioLifecycleConfigArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub studio_lifecycle_config_arn: Option<String>,
    #[serde(
        rename = "StudioLifecycleConfigContent",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub studio_lifecycle_config_content: Option<String>,
    #[serde(
        rename = "StudioLifecycleConfigName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub studio_lifecycle_config_name: Option<String>,
}

/// `DescribeUserProfileRequest` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeUserProfileRequest {
    #[serde(rename = "DomainId")]
    pub domain_id: String,
    #[serde(rename = "UserProfileName")]
    pub user_profile_name: String,
}

/// `DescribeUserProfileResponse` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DescribeUserProfileResponse {
    #[serde(
        rename = "CreationTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub creation_time: Option<EpochSeconds>,
    #[serde(rename = "DomainId", default, skip_serializing_if = "Option::is_none")]
    pub domain_id: Option<String>,
    #[serde(
        rename = "FailureReason",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub failure_reason: Option<String>,
    #[serde(
        rename = "HomeEfsFileSystemUid",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub home_efs_file_system_uid: Option<String>,
    #[serde(
        rename = "LastModifiedTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_modified_time: Option<EpochSeconds>,
    #[serde(
        rename = "SingleSignOnUserIdentifier",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub single_sign_on_user_identifier: Option<String>,
    #[serde(
        rename = "SingleSignOnUserValue",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub single_sign_on_user_value: Option<String>,
    #[serde(rename = "Status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<UserProfileStatus>,
    #[serde(
        rename = "UserProfileArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub user_profile_arn: Option<String>,
    #[serde(
        rename = "UserProfileName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub user_profile_name: Option<String>,
    #[serde(
        rename = "UserSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub user_settings: Option<UserSettings>,
}

/// `DirectDeploySettings` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DirectDeploySettings {
    #[serde(rename = "Status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<FeatureStatus>,
}

/// `DockerSettings` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DockerSettings {
    #[serde(
        rename = "EnableDockerAccess",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_docker_access: Option<FeatureStatus>,
    #[serde(
        rename = "RootlessDocker",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub rootless_docker: Option<FeatureStatus>,
    #[serde(
        rename = "VpcOnlyTrustedAccounts",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub vpc_only_trusted_accounts: Option<Vec<String>>,
}

/// `DomainDetails` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DomainDetails {
    #[serde(
        rename = "CreationTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub creation_time: Option<EpochSeconds>,
    #[serde(rename = "DomainArn", default, skip_serializing_if = "Option::is_none")]
    pub domain_arn: Option<String>,
    #[serde(rename = "DomainId", default, skip_serializing_if = "Option::is_none")]
    pub domain_id: Option<String>,
    #[serde(
        rename = "DomainName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub domain_name: Option<String>,
    #[serde(
        rename = "LastModifiedTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_modified_time: Option<EpochSeconds>,
    #[serde(rename = "Status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DomainStatus>,
    #[serde(rename = "Url", default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// `DomainSettings` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DomainSettings {
    #[serde(
        rename = "AmazonQSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub amazon_q_settings: Option<AmazonQSettings>,
    #[serde(
        rename = "DockerSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub docker_settings: Option<DockerSettings>,
    #[serde(
        rename = "ExecutionRoleIdentityConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_role_identity_config: Option<ExecutionRoleIdentityConfig>,
    #[serde(
        rename = "IpAddressType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ip_address_type: Option<IPAddressType>,
    #[serde(
        rename = "RStudioServerProDomainSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub r_studio_server_pro_domain_settings: Option<RStudioServerProDomainSettings>,
    #[serde(
        rename = "SecurityGroupIds",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub security_group_ids: Option<Vec<String>>,
    #[serde(
        rename = "TrustedIdentityPropagationSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub trusted_identity_propagation_settings: Option<TrustedIdentityPropagationSettings>,
    #[serde(
        rename = "UnifiedStudioSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub unified_studio_settings: Option<UnifiedStudioSettings>,
}

/// `DomainSettingsForUpdate` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DomainSettingsForUpdate {
    #[serde(
        rename = "AmazonQSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub amazon_q_settings: Option<AmazonQSettings>,
    #[serde(
        rename = "DockerSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub docker_settings: Option<DockerSettings>,
    #[serde(
        rename = "ExecutionRoleIdentityConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_role_identity_config: Option<ExecutionRoleIdentityConfig>,
    #[serde(
        rename = "IpAddressType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ip_address_type: Option<IPAddressType>,
    #[serde(
        rename = "RStudioServerProDomainSettingsForUpdate",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub r_studio_server_pro_domain_settings_for_update:
        Option<RStudioServerProDomainSettingsForUpdate>,
    #[serde(
        rename = "SecurityGroupIds",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub security_group_ids: Option<Vec<String>>,
    #[serde(
        rename = "TrustedIdentityPropagationSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub trusted_identity_propagation_settings: Option<TrustedIdentityPropagationSettings>,
    #[serde(
        rename = "UnifiedStudioSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub unified_studio_settings: Option<UnifiedStudioSettings>,
}

/// `DomainStatus` of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DomainStatus {
    #[serde(rename = "Deleting")]
    Deleting,
    #[serde(rename = "Failed")]
    Failed,
    #[serde(rename = "InService")]
    InService,
    #[serde(rename = "Pending")]
    Pending,
    #[serde(rename = "Updating")]
    Updating,
    #[serde(rename = "Update_Failed")]
    UpdateFailed,
    #[serde(rename = "Delete_Failed")]
    DeleteFailed,
}

impl WireEnum for DomainStatus {
    const VALUES: &'static [Self] = &[
        DomainStatus::Deleting,
        DomainStatus::Failed,
        DomainStatus::InService,
        DomainStatus::Pending,
        DomainStatus::Updating,
        DomainStatus::UpdateFailed,
        DomainStatus::DeleteFailed,
    ];

    fn as_str(self) -> &'static str {
        match self {
            DomainStatus::Deleting => "Deleting",
            DomainStatus::Failed => "Failed",
            DomainStatus::InService => "InService",
            DomainStatus::Pending => "Pending",
            DomainStatus::Updating => "Updating",
            DomainStatus::UpdateFailed => "Update_Failed",
            DomainStatus::DeleteFailed => "Delete_Failed",
        }
    }
}

/// `EFSFileSystem` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EFSFileSystem {
    #[serde(rename = "FileSystemId")]
    pub file_system_id: String,
}

/// `EFSFileSystemConfig` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EFSFileSystemConfig {
    #[serde(rename = "FileSystemId")]
    pub file_system_id: String,
    #[serde(
        rename = "FileSystemPath",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub file_system_path: Option<String>,
}

/// `EbsStorageSettings` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EbsStorageSettings {
    #[serde(rename = "EbsVolumeSizeInGb")]
    pub ebs_volume_size_in_gb: i32,
}

/// `EmrServerlessSettings` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EmrServerlessSettings {
    #[serde(
        rename = "ExecutionRoleArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_role_arn: Option<String>,
    #[serde(rename = "Status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<FeatureStatus>,
}

/// `EmrSettings` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EmrSettings {
    #[serde(
        rename = "AssumableRoleArns",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub assumable_role_arns: Option<Vec<String>>,
    #[serde(
        rename = "ExecutionRoleArns",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_role_arns: Option<Vec<String>>,
}

/// `ExecutionRoleIdentityConfig` of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ExecutionRoleIdentityConfig {
    #[serde(rename = "USER_PROFILE_NAME")]
    UserProfileName,
    #[serde(rename = "DISABLED")]
    Disabled,
}

impl WireEnum for ExecutionRoleIdentityConfig {
    const VALUES: &'static [Self] = &[
        ExecutionRoleIdentityConfig::UserProfileName,
        ExecutionRoleIdentityConfig::Disabled,
    ];

    fn as_str(self) -> &'static str {
        match self {
            ExecutionRoleIdentityConfig::UserProfileName => "USER_PROFILE_NAME",
            ExecutionRoleIdentityConfig::Disabled => "DISABLED",
        }
    }
}

/// `ExecutionRoleSessionNameMode` of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ExecutionRoleSessionNameMode {
    #[serde(rename = "STATIC")]
    Static,
    #[serde(rename = "USER_IDENTITY")]
    UserIdentity,
}

impl WireEnum for ExecutionRoleSessionNameMode {
    const VALUES: &'static [Self] = &[
        ExecutionRoleSessionNameMode::Static,
        ExecutionRoleSessionNameMode::UserIdentity,
    ];

    fn as_str(self) -> &'static str {
        match self {
            ExecutionRoleSessionNameMode::Static => "STATIC",
            ExecutionRoleSessionNameMode::UserIdentity => "USER_IDENTITY",
        }
    }
}

/// `FSxLustreFileSystem` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FSxLustreFileSystem {
    #[serde(rename = "FileSystemId")]
    pub file_system_id: String,
}

/// `FSxLustreFileSystemConfig` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FSxLustreFileSystemConfig {
    #[serde(rename = "FileSystemId")]
    pub file_system_id: String,
    #[serde(
        rename = "FileSystemPath",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub file_system_path: Option<String>,
}

/// `FeatureStatus` of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FeatureStatus {
    #[serde(rename = "ENABLED")]
    Enabled,
    #[serde(rename = "DISABLED")]
    Disabled,
}

impl WireEnum for FeatureStatus {
    const VALUES: &'static [Self] = &[FeatureStatus::Enabled, FeatureStatus::Disabled];

    fn as_str(self) -> &'static str {
        match self {
            FeatureStatus::Enabled => "ENABLED",
            FeatureStatus::Disabled => "DISABLED",
        }
    }
}

/// `FileSystemConfig` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FileSystemConfig {
    #[serde(
        rename = "DefaultGid",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub default_gid: Option<i32>,
    #[serde(
        rename = "DefaultUid",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub default_uid: Option<i32>,
    #[serde(rename = "MountPath", default, skip_serializing_if = "Option::is_none")]
    pub mount_path: Option<String>,
}

/// `GenerativeAiSettings` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GenerativeAiSettings {
    #[serde(
        rename = "AmazonBedrockRoleArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub amazon_bedrock_role_arn: Option<String>,
}

/// `HiddenSageMakerImage` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct HiddenSageMakerImage {
    #[serde(
        rename = "SageMakerImageName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub sage_maker_image_name: Option<SageMakerImageName>,
    #[serde(
        rename = "VersionAliases",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub version_aliases: Option<Vec<String>>,
}

/// `HomeEfsFileSystemCreation` of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum HomeEfsFileSystemCreation {
    #[serde(rename = "Enabled")]
    Enabled,
    #[serde(rename = "Disabled")]
    Disabled,
}

impl WireEnum for HomeEfsFileSystemCreation {
    const VALUES: &'static [Self] = &[
        HomeEfsFileSystemCreation::Enabled,
        HomeEfsFileSystemCreation::Disabled,
    ];

    fn as_str(self) -> &'static str {
        match self {
            HomeEfsFileSystemCreation::Enabled => "Enabled",
            HomeEfsFileSystemCreation::Disabled => "Disabled",
        }
    }
}

/// `IPAddressType` of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum IPAddressType {
    #[serde(rename = "ipv4")]
    Ipv4,
    #[serde(rename = "dualstack")]
    Dualstack,
}

impl WireEnum for IPAddressType {
    const VALUES: &'static [Self] = &[IPAddressType::Ipv4, IPAddressType::Dualstack];

    fn as_str(self) -> &'static str {
        match self {
            IPAddressType::Ipv4 => "ipv4",
            IPAddressType::Dualstack => "dualstack",
        }
    }
}

/// `IdentityProviderOAuthSetting` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct IdentityProviderOAuthSetting {
    #[serde(
        rename = "DataSourceName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub data_source_name: Option<DataSourceName>,
    #[serde(rename = "SecretArn", default, skip_serializing_if = "Option::is_none")]
    pub secret_arn: Option<String>,
    #[serde(rename = "Status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<FeatureStatus>,
}

/// `IdleSettings` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct IdleSettings {
    #[serde(
        rename = "IdleTimeoutInMinutes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub idle_timeout_in_minutes: Option<i32>,
    #[serde(
        rename = "LifecycleManagement",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub lifecycle_management: Option<LifecycleManagement>,
    #[serde(
        rename = "MaxIdleTimeoutInMinutes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_idle_timeout_in_minutes: Option<i32>,
    #[serde(
        rename = "MinIdleTimeoutInMinutes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub min_idle_timeout_in_minutes: Option<i32>,
}

/// `Image` of the model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Image {
    #[serde(rename = "CreationTime")]
    pub creation_time: EpochSeconds,
    #[serde(
        rename = "Description",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    #[serde(
        rename = "DisplayName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub display_name: Option<String>,
    #[serde(
        rename = "FailureReason",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub failure_reason: Option<String>,
    #[serde(rename = "ImageArn")]
    pub image_arn: String,
    #[serde(rename = "ImageName")]
    pub image_name: String,
    #[serde(rename = "ImageStatus")]
    pub image_status: ImageStatus,
    #[serde(rename = "LastModifiedTime")]
    pub last_modified_time: EpochSeconds,
}

/// `ImageSortBy` of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ImageSortBy {
    #[serde(rename = "CREATION_TIME")]
    CreationTime,
    #[serde(rename = "LAST_MODIFIED_TIME")]
    LastModifiedTime,
    #[serde(rename = "IMAGE_NAME")]
    ImageName,
}

impl WireEnum for ImageSortBy {
    const VALUES: &'static [Self] = &[
        ImageSortBy::CreationTime,
        ImageSortBy::LastModifiedTime,
        ImageSortBy::ImageName,
    ];

    fn as_str(self) -> &'static str {
        match self {
            ImageSortBy::CreationTime => "CREATION_TIME",
            ImageSortBy::LastModifiedTime => "LAST_MODIFIED_TIME",
            ImageSortBy::ImageName => "IMAGE_NAME",
        }
    }
}

/// `ImageSortOrder` of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ImageSortOrder {
    #[serde(rename = "ASCENDING")]
    Ascending,
    #[serde(rename = "DESCENDING")]
    Descending,
}

impl WireEnum for ImageSortOrder {
    const VALUES: &'static [Self] = &[ImageSortOrder::Ascending, ImageSortOrder::Descending];

    fn as_str(self) -> &'static str {
        match self {
            ImageSortOrder::Ascending => "ASCENDING",
            ImageSortOrder::Descending => "DESCENDING",
        }
    }
}

/// `ImageStatus` of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ImageStatus {
    #[serde(rename = "CREATING")]
    Creating,
    #[serde(rename = "CREATED")]
    Created,
    #[serde(rename = "CREATE_FAILED")]
    CreateFailed,
    #[serde(rename = "UPDATING")]
    Updating,
    #[serde(rename = "UPDATE_FAILED")]
    UpdateFailed,
    #[serde(rename = "DELETING")]
    Deleting,
    #[serde(rename = "DELETE_FAILED")]
    DeleteFailed,
}

impl WireEnum for ImageStatus {
    const VALUES: &'static [Self] = &[
        ImageStatus::Creating,
        ImageStatus::Created,
        ImageStatus::CreateFailed,
        ImageStatus::Updating,
        ImageStatus::UpdateFailed,
        ImageStatus::Deleting,
        ImageStatus::DeleteFailed,
    ];

    fn as_str(self) -> &'static str {
        match self {
            ImageStatus::Creating => "CREATING",
            ImageStatus::Created => "CREATED",
            ImageStatus::CreateFailed => "CREATE_FAILED",
            ImageStatus::Updating => "UPDATING",
            ImageStatus::UpdateFailed => "UPDATE_FAILED",
            ImageStatus::Deleting => "DELETING",
            ImageStatus::DeleteFailed => "DELETE_FAILED",
        }
    }
}

/// `ImageVersion` of the model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImageVersion {
    #[serde(rename = "CreationTime")]
    pub creation_time: EpochSeconds,
    #[serde(
        rename = "FailureReason",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub failure_reason: Option<String>,
    #[serde(rename = "ImageArn")]
    pub image_arn: String,
    #[serde(rename = "ImageVersionArn")]
    pub image_version_arn: String,
    #[serde(rename = "ImageVersionStatus")]
    pub image_version_status: ImageVersionStatus,
    #[serde(rename = "LastModifiedTime")]
    pub last_modified_time: EpochSeconds,
    #[serde(rename = "Version")]
    pub version: i32,
}

/// `ImageVersionSortBy` of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ImageVersionSortBy {
    #[serde(rename = "CREATION_TIME")]
    CreationTime,
    #[serde(rename = "LAST_MODIFIED_TIME")]
    LastModifiedTime,
    #[serde(rename = "VERSION")]
    Version,
}

impl WireEnum for ImageVersionSortBy {
    const VALUES: &'static [Self] = &[
        ImageVersionSortBy::CreationTime,
        ImageVersionSortBy::LastModifiedTime,
        ImageVersionSortBy::Version,
    ];

    fn as_str(self) -> &'static str {
        match self {
            ImageVersionSortBy::CreationTime => "CREATION_TIME",
            ImageVersionSortBy::LastModifiedTime => "LAST_MODIFIED_TIME",
            ImageVersionSortBy::Version => "VERSION",
        }
    }
}

/// `ImageVersionSortOrder` of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ImageVersionSortOrder {
    #[serde(rename = "ASCENDING")]
    Ascending,
    #[serde(rename = "DESCENDING")]
    Descending,
}

impl WireEnum for ImageVersionSortOrder {
    const VALUES: &'static [Self] = &[
        ImageVersionSortOrder::Ascending,
        ImageVersionSortOrder::Descending,
    ];

    fn as_str(self) -> &'static str {
        match self {
            ImageVersionSortOrder::Ascending => "ASCENDING",
            ImageVersionSortOrder::Descending => "DESCENDING",
        }
    }
}

/// `ImageVersionStatus` of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ImageVersionStatus {
    #[serde(rename = "CREATING")]
    Creating,
    #[serde(rename = "CREATED")]
    Created,
    #[serde(rename = "CREATE_FAILED")]
    CreateFailed,
    #[serde(rename = "DELETING")]
    Deleting,
    #[serde(rename = "DELETE_FAILED")]
    DeleteFailed,
}

impl WireEnum for ImageVersionStatus {
    const VALUES: &'static [Self] = &[
        ImageVersionStatus::Creating,
        ImageVersionStatus::Created,
        ImageVersionStatus::CreateFailed,
        ImageVersionStatus::Deleting,
        ImageVersionStatus::DeleteFailed,
    ];

    fn as_str(self) -> &'static str {
        match self {
            ImageVersionStatus::Creating => "CREATING",
            ImageVersionStatus::Created => "CREATED",
            ImageVersionStatus::CreateFailed => "CREATE_FAILED",
            ImageVersionStatus::Deleting => "DELETING",
            ImageVersionStatus::DeleteFailed => "DELETE_FAILED",
        }
    }
}

/// `JobType` of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum JobType {
    #[serde(rename = "TRAINING")]
    Training,
    #[serde(rename = "INFERENCE")]
    Inference,
    #[serde(rename = "NOTEBOOK_KERNEL")]
    NotebookKernel,
}

impl WireEnum for JobType {
    const VALUES: &'static [Self] = &[
        JobType::Training,
        JobType::Inference,
        JobType::NotebookKernel,
    ];

    fn as_str(self) -> &'static str {
        match self {
            JobType::Training => "TRAINING",
            JobType::Inference => "INFERENCE",
            JobType::NotebookKernel => "NOTEBOOK_KERNEL",
        }
    }
}

/// `JupyterLabAppImageConfig` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct JupyterLabAppImageConfig {
    #[serde(
        rename = "ContainerConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_config: Option<ContainerConfig>,
    #[serde(
        rename = "FileSystemConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub file_system_config: Option<FileSystemConfig>,
}

/// `JupyterLabAppSettings` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct JupyterLabAppSettings {
    #[serde(
        rename = "AppLifecycleManagement",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub app_lifecycle_management: Option<AppLifecycleManagement>,
    #[serde(
        rename = "BuiltInLifecycleConfigArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub built_in_lifecycle_config_arn: Option<String>,
    #[serde(
        rename = "CodeRepositories",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_repositories: Option<Vec<CodeRepository>>,
    #[serde(
        rename = "CustomImages",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub custom_images: Option<Vec<CustomImage>>,
    #[serde(
        rename = "DefaultResourceSpec",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub default_resource_spec: Option<ResourceSpec>,
    #[serde(
        rename = "EmrSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub emr_settings: Option<EmrSettings>,
    #[serde(
        rename = "LifecycleConfigArns",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub lifecycle_config_arns: Option<Vec<String>>,
}

/// `JupyterServerAppSettings` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct JupyterServerAppSettings {
    #[serde(
        rename = "CodeRepositories",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_repositories: Option<Vec<CodeRepository>>,
    #[serde(
        rename = "DefaultResourceSpec",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub default_resource_spec: Option<ResourceSpec>,
    #[serde(
        rename = "LifecycleConfigArns",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub lifecycle_config_arns: Option<Vec<String>>,
}

/// `KendraSettings` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct KendraSettings {
    #[serde(rename = "Status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<FeatureStatus>,
}

/// `KernelGatewayAppSettings` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct KernelGatewayAppSettings {
    #[serde(
        rename = "CustomImages",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub custom_images: Option<Vec<CustomImage>>,
    #[serde(
        rename = "DefaultResourceSpec",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub default_resource_spec: Option<ResourceSpec>,
    #[serde(
        rename = "LifecycleConfigArns",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub lifecycle_config_arns: Option<Vec<String>>,
}

/// `KernelGatewayImageConfig` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct KernelGatewayImageConfig {
    #[serde(
        rename = "FileSystemConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub file_system_config: Option<FileSystemConfig>,
    #[serde(rename = "KernelSpecs")]
    pub kernel_specs: Vec<KernelSpec>,
}

/// `KernelSpec` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct KernelSpec {
    #[serde(
        rename = "DisplayName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub display_name: Option<String>,
    #[serde(rename = "Name")]
    pub name: String,
}

/// `LifecycleManagement` of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LifecycleManagement {
    #[serde(rename = "ENABLED")]
    Enabled,
    #[serde(rename = "DISABLED")]
    Disabled,
}

impl WireEnum for LifecycleManagement {
    const VALUES: &'static [Self] = &[LifecycleManagement::Enabled, LifecycleManagement::Disabled];

    fn as_str(self) -> &'static str {
        match self {
            LifecycleManagement::Enabled => "ENABLED",
            LifecycleManagement::Disabled => "DISABLED",
        }
    }
}

/// `ListAliasesRequest` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListAliasesRequest {
    #[serde(rename = "Alias", default, skip_serializing_if = "Option::is_none")]
    pub alias: Option<String>,
    #[serde(rename = "ImageName")]
    pub image_name: String,
    #[serde(
        rename = "MaxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
    #[serde(rename = "NextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(rename = "Version", default, skip_serializing_if = "Option::is_none")]
    pub version: Option<i32>,
}

impl Paged for ListAliasesRequest {
    fn next_token(&self) -> Option<&str> {
        self.next_token.as_deref()
    }

    fn max_results(&self) -> Option<i32> {
        self.max_results
    }
}

/// `ListAliasesResponse` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListAliasesResponse {
    #[serde(rename = "NextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(
        rename = "SageMakerImageVersionAliases",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub sage_maker_image_version_aliases: Option<Vec<String>>,
}

/// `ListAppImageConfigsRequest` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListAppImageConfigsRequest {
    #[serde(
        rename = "CreationTimeAfter",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub creation_time_after: Option<EpochSeconds>,
    #[serde(
        rename = "CreationTimeBefore",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub creation_time_before: Option<EpochSeconds>,
    #[serde(
        rename = "MaxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
    #[serde(
        rename = "ModifiedTimeAfter",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub modified_time_after: Option<EpochSeconds>,
    #[serde(
        rename = "ModifiedTimeBefore",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub modified_time_before: Option<EpochSeconds>,
    #[serde(
        rename = "NameContains",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub name_contains: Option<String>,
    #[serde(rename = "NextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(rename = "SortBy", default, skip_serializing_if = "Option::is_none")]
    pub sort_by: Option<AppImageConfigSortKey>,
    #[serde(rename = "SortOrder", default, skip_serializing_if = "Option::is_none")]
    pub sort_order: Option<SortOrder>,
}

impl Paged for ListAppImageConfigsRequest {
    fn next_token(&self) -> Option<&str> {
        self.next_token.as_deref()
    }

    fn max_results(&self) -> Option<i32> {
        self.max_results
    }
}

/// `ListAppImageConfigsResponse` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListAppImageConfigsResponse {
    #[serde(
        rename = "AppImageConfigs",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub app_image_configs: Option<Vec<AppImageConfigDetails>>,
    #[serde(rename = "NextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// `ListAppsRequest` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListAppsRequest {
    #[serde(
        rename = "DomainIdEquals",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub domain_id_equals: Option<String>,
    #[serde(
        rename = "MaxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
    #[serde(rename = "NextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(rename = "SortBy", default, skip_serializing_if = "Option::is_none")]
    pub sort_by: Option<AppSortKey>,
    #[serde(rename = "SortOrder", default, skip_serializing_if = "Option::is_none")]
    pub sort_order: Option<SortOrder>,
    #[serde(
        rename = "SpaceNameEquals",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub space_name_equals: Option<String>,
    #[serde(
        rename = "UserProfileNameEquals",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub user_profile_name_equals: Option<String>,
}

impl Paged for ListAppsRequest {
    fn next_token(&self) -> Option<&str> {
        self.next_token.as_deref()
    }

    fn max_results(&self) -> Option<i32> {
        self.max_results
    }
}

/// `ListAppsResponse` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListAppsResponse {
    #[serde(rename = "Apps", default, skip_serializing_if = "Option::is_none")]
    pub apps: Option<Vec<AppDetails>>,
    #[serde(rename = "NextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// `ListDomainsRequest` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListDomainsRequest {
    #[serde(
        rename = "MaxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
    #[serde(rename = "NextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

impl Paged for ListDomainsRequest {
    fn next_token(&self) -> Option<&str> {
        self.next_token.as_deref()
    }

    fn max_results(&self) -> Option<i32> {
        self.max_results
    }
}

/// `ListDomainsResponse` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListDomainsResponse {
    #[serde(rename = "Domains", default, skip_serializing_if = "Option::is_none")]
    pub domains: Option<Vec<DomainDetails>>,
    #[serde(rename = "NextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// `ListImageVersionsRequest` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListImageVersionsRequest {
    #[serde(
        rename = "CreationTimeAfter",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub creation_time_after: Option<EpochSeconds>,
    #[serde(
        rename = "CreationTimeBefore",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub creation_time_before: Option<EpochSeconds>,
    #[serde(rename = "ImageName")]
    pub image_name: String,
    #[serde(
        rename = "LastModifiedTimeAfter",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_modified_time_after: Option<EpochSeconds>,
    #[serde(
        rename = "LastModifiedTimeBefore",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_modified_time_before: Option<EpochSeconds>,
    #[serde(
        rename = "MaxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
    #[serde(rename = "NextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(rename = "SortBy", default, skip_serializing_if = "Option::is_none")]
    pub sort_by: Option<ImageVersionSortBy>,
    #[serde(rename = "SortOrder", default, skip_serializing_if = "Option::is_none")]
    pub sort_order: Option<ImageVersionSortOrder>,
}

impl Paged for ListImageVersionsRequest {
    fn next_token(&self) -> Option<&str> {
        self.next_token.as_deref()
    }

    fn max_results(&self) -> Option<i32> {
        self.max_results
    }
}

/// `ListImageVersionsResponse` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListImageVersionsResponse {
    #[serde(
        rename = "ImageVersions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub image_versions: Option<Vec<ImageVersion>>,
    #[serde(rename = "NextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// `ListImagesRequest` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListImagesRequest {
    #[serde(
        rename = "CreationTimeAfter",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub creation_time_after: Option<EpochSeconds>,
    #[serde(
        rename = "CreationTimeBefore",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub creation_time_before: Option<EpochSeconds>,
    #[serde(
        rename = "LastModifiedTimeAfter",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_modified_time_after: Option<EpochSeconds>,
    #[serde(
        rename = "LastModifiedTimeBefore",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_modified_time_before: Option<EpochSeconds>,
    #[serde(
        rename = "MaxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
    #[serde(
        rename = "NameContains",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub name_contains: Option<String>,
    #[serde(rename = "NextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(rename = "SortBy", default, skip_serializing_if = "Option::is_none")]
    pub sort_by: Option<ImageSortBy>,
    #[serde(rename = "SortOrder", default, skip_serializing_if = "Option::is_none")]
    pub sort_order: Option<ImageSortOrder>,
}

impl Paged for ListImagesRequest {
    fn next_token(&self) -> Option<&str> {
        self.next_token.as_deref()
    }

    fn max_results(&self) -> Option<i32> {
        self.max_results
    }
}

/// `ListImagesResponse` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListImagesResponse {
    #[serde(rename = "Images", default, skip_serializing_if = "Option::is_none")]
    pub images: Option<Vec<Image>>,
    #[serde(rename = "NextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// `ListSpacesRequest` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListSpacesRequest {
    #[serde(
        rename = "DomainIdEquals",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub domain_id_equals: Option<String>,
    #[serde(
        rename = "MaxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
    #[serde(rename = "NextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(rename = "SortBy", default, skip_serializing_if = "Option::is_none")]
    pub sort_by: Option<SpaceSortKey>,
    #[serde(rename = "SortOrder", default, skip_serializing_if = "Option::is_none")]
    pub sort_order: Option<SortOrder>,
    #[serde(
        rename = "SpaceNameContains",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub space_name_contains: Option<String>,
}

impl Paged for ListSpacesRequest {
    fn next_token(&self) -> Option<&str> {
        self.next_token.as_deref()
    }

    fn max_results(&self) -> Option<i32> {
        self.max_results
    }
}

/// `ListSpacesResponse` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListSpacesResponse {
    #[serde(rename = "NextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(rename = "Spaces", default, skip_serializing_if = "Option::is_none")]
    pub spaces: Option<Vec<SpaceDetails>>,
}

/// `ListStudioLifecycleConfigsRequest` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListStudioLifecycleConfigsRequest {
    #[serde(
        rename = "AppTypeEquals",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub app_type_equals: Option<StudioLifecycleConfigAppType>,
    #[serde(
        rename = "CreationTimeAfter",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub creation_time_after: Option<EpochSeconds>,
    #[serde(
        rename = "CreationTimeBefore",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub creation_time_before: Option<EpochSeconds>,
    #[serde(
        rename = "MaxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
    #[serde(
        rename = "ModifiedTimeAfter",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub modified_time_after: Option<EpochSeconds>,
    #[serde(
        rename = "ModifiedTimeBefore",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub modified_time_before: Option<EpochSeconds>,
    #[serde(
        rename = "NameContains",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub name_contains: Option<String>,
    #[serde(rename = "NextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(rename = "SortBy", default, skip_serializing_if = "Option::is_none")]
    pub sort_by: Option<StudioLifecycleConfigSortKey>,
    #[serde(rename = "SortOrder", default, skip_serializing_if = "Option::is_none")]
    pub sort_order: Option<SortOrder>,
}

impl Paged for ListStudioLifecycleConfigsRequest {
    fn next_token(&self) -> Option<&str> {
        self.next_token.as_deref()
    }

    fn max_results(&self) -> Option<i32> {
        self.max_results
    }
}

/// `ListStudioLifecycleConfigsResponse` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListStudioLifecycleConfigsResponse {
    #[serde(rename = "NextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(
        rename = "StudioLifecycleConfigs",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub studio_lifecycle_configs: Option<Vec<StudioLifecycleConfigDetails>>,
}

/// `ListTagsInput` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListTagsInput {
    #[serde(
        rename = "MaxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
    #[serde(rename = "NextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(rename = "ResourceArn")]
    pub resource_arn: String,
}

impl Paged for ListTagsInput {
    fn next_token(&self) -> Option<&str> {
        self.next_token.as_deref()
    }

    fn max_results(&self) -> Option<i32> {
        self.max_results
    }
}

/// `ListTagsOutput` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListTagsOutput {
    #[serde(rename = "NextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(rename = "Tags", default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
}

/// `ListUserProfilesRequest` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListUserProfilesRequest {
    #[serde(
        rename = "DomainIdEquals",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub domain_id_equals: Option<String>,
    #[serde(
        rename = "MaxResults",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_results: Option<i32>,
    #[serde(rename = "NextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(rename = "SortBy", default, skip_serializing_if = "Option::is_none")]
    pub sort_by: Option<UserProfileSortKey>,
    #[serde(rename = "SortOrder", default, skip_serializing_if = "Option::is_none")]
    pub sort_order: Option<SortOrder>,
    #[serde(
        rename = "UserProfileNameContains",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub user_profile_name_contains: Option<String>,
}

impl Paged for ListUserProfilesRequest {
    fn next_token(&self) -> Option<&str> {
        self.next_token.as_deref()
    }

    fn max_results(&self) -> Option<i32> {
        self.max_results
    }
}

/// `ListUserProfilesResponse` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListUserProfilesResponse {
    #[serde(rename = "NextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    #[serde(
        rename = "UserProfiles",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub user_profiles: Option<Vec<UserProfileDetails>>,
}

/// `MlTools` of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MlTools {
    #[serde(rename = "DataWrangler")]
    DataWrangler,
    #[serde(rename = "FeatureStore")]
    FeatureStore,
    #[serde(rename = "EmrClusters")]
    EmrClusters,
    #[serde(rename = "AutoMl")]
    AutoMl,
    #[serde(rename = "Experiments")]
    Experiments,
    #[serde(rename = "Training")]
    Training,
    #[serde(rename = "ModelEvaluation")]
    ModelEvaluation,
    #[serde(rename = "Pipelines")]
    Pipelines,
    #[serde(rename = "Models")]
    Models,
    #[serde(rename = "JumpStart")]
    JumpStart,
    #[serde(rename = "InferenceRecommender")]
    InferenceRecommender,
    #[serde(rename = "Endpoints")]
    Endpoints,
    #[serde(rename = "Projects")]
    Projects,
    #[serde(rename = "InferenceOptimization")]
    InferenceOptimization,
    #[serde(rename = "PerformanceEvaluation")]
    PerformanceEvaluation,
    #[serde(rename = "LakeraGuard")]
    LakeraGuard,
    #[serde(rename = "Comet")]
    Comet,
    #[serde(rename = "DeepchecksLLMEvaluation")]
    DeepchecksLLMEvaluation,
    #[serde(rename = "Fiddler")]
    Fiddler,
    #[serde(rename = "HyperPodClusters")]
    HyperPodClusters,
    #[serde(rename = "RunningInstances")]
    RunningInstances,
    #[serde(rename = "Datasets")]
    Datasets,
    #[serde(rename = "Evaluators")]
    Evaluators,
}

impl WireEnum for MlTools {
    const VALUES: &'static [Self] = &[
        MlTools::DataWrangler,
        MlTools::FeatureStore,
        MlTools::EmrClusters,
        MlTools::AutoMl,
        MlTools::Experiments,
        MlTools::Training,
        MlTools::ModelEvaluation,
        MlTools::Pipelines,
        MlTools::Models,
        MlTools::JumpStart,
        MlTools::InferenceRecommender,
        MlTools::Endpoints,
        MlTools::Projects,
        MlTools::InferenceOptimization,
        MlTools::PerformanceEvaluation,
        MlTools::LakeraGuard,
        MlTools::Comet,
        MlTools::DeepchecksLLMEvaluation,
        MlTools::Fiddler,
        MlTools::HyperPodClusters,
        MlTools::RunningInstances,
        MlTools::Datasets,
        MlTools::Evaluators,
    ];

    fn as_str(self) -> &'static str {
        match self {
            MlTools::DataWrangler => "DataWrangler",
            MlTools::FeatureStore => "FeatureStore",
            MlTools::EmrClusters => "EmrClusters",
            MlTools::AutoMl => "AutoMl",
            MlTools::Experiments => "Experiments",
            MlTools::Training => "Training",
            MlTools::ModelEvaluation => "ModelEvaluation",
            MlTools::Pipelines => "Pipelines",
            MlTools::Models => "Models",
            MlTools::JumpStart => "JumpStart",
            MlTools::InferenceRecommender => "InferenceRecommender",
            MlTools::Endpoints => "Endpoints",
            MlTools::Projects => "Projects",
            MlTools::InferenceOptimization => "InferenceOptimization",
            MlTools::PerformanceEvaluation => "PerformanceEvaluation",
            MlTools::LakeraGuard => "LakeraGuard",
            MlTools::Comet => "Comet",
            MlTools::DeepchecksLLMEvaluation => "DeepchecksLLMEvaluation",
            MlTools::Fiddler => "Fiddler",
            MlTools::HyperPodClusters => "HyperPodClusters",
            MlTools::RunningInstances => "RunningInstances",
            MlTools::Datasets => "Datasets",
            MlTools::Evaluators => "Evaluators",
        }
    }
}

/// `ModelRegisterSettings` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ModelRegisterSettings {
    #[serde(
        rename = "CrossAccountModelRegisterRoleArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cross_account_model_register_role_arn: Option<String>,
    #[serde(rename = "Status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<FeatureStatus>,
}

/// `NotebookOutputOption` of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NotebookOutputOption {
    #[serde(rename = "Allowed")]
    Allowed,
    #[serde(rename = "Disabled")]
    Disabled,
}

impl WireEnum for NotebookOutputOption {
    const VALUES: &'static [Self] = &[
        NotebookOutputOption::Allowed,
        NotebookOutputOption::Disabled,
    ];

    fn as_str(self) -> &'static str {
        match self {
            NotebookOutputOption::Allowed => "Allowed",
            NotebookOutputOption::Disabled => "Disabled",
        }
    }
}

/// `OwnershipSettings` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OwnershipSettings {
    #[serde(rename = "OwnerUserProfileName")]
    pub owner_user_profile_name: String,
}

/// `OwnershipSettingsSummary` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OwnershipSettingsSummary {
    #[serde(
        rename = "OwnerUserProfileName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub owner_user_profile_name: Option<String>,
}

/// `Processor` of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Processor {
    #[serde(rename = "CPU")]
    Cpu,
    #[serde(rename = "GPU")]
    Gpu,
}

impl WireEnum for Processor {
    const VALUES: &'static [Self] = &[Processor::Cpu, Processor::Gpu];

    fn as_str(self) -> &'static str {
        match self {
            Processor::Cpu => "CPU",
            Processor::Gpu => "GPU",
        }
    }
}

/// `RSessionAppSettings` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RSessionAppSettings {
    #[serde(
        rename = "CustomImages",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub custom_images: Option<Vec<CustomImage>>,
    #[serde(
        rename = "DefaultResourceSpec",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub default_resource_spec: Option<ResourceSpec>,
}

/// `RStudioServerProAccessStatus` of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RStudioServerProAccessStatus {
    #[serde(rename = "ENABLED")]
    Enabled,
    #[serde(rename = "DISABLED")]
    Disabled,
}

impl WireEnum for RStudioServerProAccessStatus {
    const VALUES: &'static [Self] = &[
        RStudioServerProAccessStatus::Enabled,
        RStudioServerProAccessStatus::Disabled,
    ];

    fn as_str(self) -> &'static str {
        match self {
            RStudioServerProAccessStatus::Enabled => "ENABLED",
            RStudioServerProAccessStatus::Disabled => "DISABLED",
        }
    }
}

/// `RStudioServerProAppSettings` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RStudioServerProAppSettings {
    #[serde(
        rename = "AccessStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub access_status: Option<RStudioServerProAccessStatus>,
    #[serde(rename = "UserGroup", default, skip_serializing_if = "Option::is_none")]
    pub user_group: Option<RStudioServerProUserGroup>,
}

/// `RStudioServerProDomainSettings` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RStudioServerProDomainSettings {
    #[serde(
        rename = "DefaultResourceSpec",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub default_resource_spec: Option<ResourceSpec>,
    #[serde(rename = "DomainExecutionRoleArn")]
    pub domain_execution_role_arn: String,
    #[serde(
        rename = "RStudioConnectUrl",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub r_studio_connect_url: Option<String>,
    #[serde(
        rename = "RStudioPackageManagerUrl",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub r_studio_package_manager_url: Option<String>,
}

/// `RStudioServerProDomainSettingsForUpdate` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RStudioServerProDomainSettingsForUpdate {
    #[serde(
        rename = "DefaultResourceSpec",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub default_resource_spec: Option<ResourceSpec>,
    #[serde(rename = "DomainExecutionRoleArn")]
    pub domain_execution_role_arn: String,
    #[serde(
        rename = "RStudioConnectUrl",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub r_studio_connect_url: Option<String>,
    #[serde(
        rename = "RStudioPackageManagerUrl",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub r_studio_package_manager_url: Option<String>,
}

/// `RStudioServerProUserGroup` of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RStudioServerProUserGroup {
    #[serde(rename = "R_STUDIO_ADMIN")]
    RStudioAdmin,
    #[serde(rename = "R_STUDIO_USER")]
    RStudioUser,
}

impl WireEnum for RStudioServerProUserGroup {
    const VALUES: &'static [Self] = &[
        RStudioServerProUserGroup::RStudioAdmin,
        RStudioServerProUserGroup::RStudioUser,
    ];

    fn as_str(self) -> &'static str {
        match self {
            RStudioServerProUserGroup::RStudioAdmin => "R_STUDIO_ADMIN",
            RStudioServerProUserGroup::RStudioUser => "R_STUDIO_USER",
        }
    }
}

/// `ResourceSpec` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ResourceSpec {
    #[serde(
        rename = "InstanceType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub instance_type: Option<AppInstanceType>,
    #[serde(
        rename = "LifecycleConfigArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub lifecycle_config_arn: Option<String>,
    #[serde(
        rename = "SageMakerImageArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub sage_maker_image_arn: Option<String>,
    #[serde(
        rename = "SageMakerImageVersionAlias",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub sage_maker_image_version_alias: Option<String>,
    #[serde(
        rename = "SageMakerImageVersionArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub sage_maker_image_version_arn: Option<String>,
    #[serde(
        rename = "TrainingPlanArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub training_plan_arn: Option<String>,
}

/// `RetentionPolicy` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RetentionPolicy {
    #[serde(
        rename = "HomeEfsFileSystem",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub home_efs_file_system: Option<RetentionType>,
}

/// `RetentionType` of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RetentionType {
    #[serde(rename = "Retain")]
    Retain,
    #[serde(rename = "Delete")]
    Delete,
}

impl WireEnum for RetentionType {
    const VALUES: &'static [Self] = &[RetentionType::Retain, RetentionType::Delete];

    fn as_str(self) -> &'static str {
        match self {
            RetentionType::Retain => "Retain",
            RetentionType::Delete => "Delete",
        }
    }
}

/// `S3FileSystem` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct S3FileSystem {
    #[serde(rename = "S3Uri")]
    pub s3_uri: String,
}

/// `S3FileSystemConfig` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct S3FileSystemConfig {
    #[serde(rename = "MountPath", default, skip_serializing_if = "Option::is_none")]
    pub mount_path: Option<String>,
    #[serde(rename = "S3Uri")]
    pub s3_uri: String,
}

/// `SageMakerImageName` of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SageMakerImageName {
    #[serde(rename = "sagemaker_distribution")]
    SagemakerDistribution,
}

impl WireEnum for SageMakerImageName {
    const VALUES: &'static [Self] = &[SageMakerImageName::SagemakerDistribution];

    fn as_str(self) -> &'static str {
        match self {
            SageMakerImageName::SagemakerDistribution => "sagemaker_distribution",
        }
    }
}

/// `SharingSettings` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SharingSettings {
    #[serde(
        rename = "NotebookOutputOption",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub notebook_output_option: Option<NotebookOutputOption>,
    #[serde(
        rename = "S3KmsKeyId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub s3_kms_key_id: Option<String>,
    #[serde(
        rename = "S3OutputPath",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub s3_output_path: Option<String>,
}

/// `SharingType` of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SharingType {
    #[serde(rename = "Private")]
    Private,
    #[serde(rename = "Shared")]
    Shared,
}

impl WireEnum for SharingType {
    const VALUES: &'static [Self] = &[SharingType::Private, SharingType::Shared];

    fn as_str(self) -> &'static str {
        match self {
            SharingType::Private => "Private",
            SharingType::Shared => "Shared",
        }
    }
}

/// `SortOrder` of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SortOrder {
    #[serde(rename = "Ascending")]
    Ascending,
    #[serde(rename = "Descending")]
    Descending,
}

impl WireEnum for SortOrder {
    const VALUES: &'static [Self] = &[SortOrder::Ascending, SortOrder::Descending];

    fn as_str(self) -> &'static str {
        match self {
            SortOrder::Ascending => "Ascending",
            SortOrder::Descending => "Descending",
        }
    }
}

/// `SpaceAppLifecycleManagement` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SpaceAppLifecycleManagement {
    #[serde(
        rename = "IdleSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub idle_settings: Option<SpaceIdleSettings>,
}

/// `SpaceCodeEditorAppSettings` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SpaceCodeEditorAppSettings {
    #[serde(
        rename = "AppLifecycleManagement",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub app_lifecycle_management: Option<SpaceAppLifecycleManagement>,
    #[serde(
        rename = "DefaultResourceSpec",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub default_resource_spec: Option<ResourceSpec>,
}

/// `SpaceDetails` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SpaceDetails {
    #[serde(
        rename = "CreationTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub creation_time: Option<EpochSeconds>,
    #[serde(rename = "DomainId", default, skip_serializing_if = "Option::is_none")]
    pub domain_id: Option<String>,
    #[serde(
        rename = "LastModifiedTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_modified_time: Option<EpochSeconds>,
    #[serde(
        rename = "OwnershipSettingsSummary",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ownership_settings_summary: Option<OwnershipSettingsSummary>,
    #[serde(
        rename = "SpaceDisplayName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub space_display_name: Option<String>,
    #[serde(rename = "SpaceName", default, skip_serializing_if = "Option::is_none")]
    pub space_name: Option<String>,
    #[serde(
        rename = "SpaceSettingsSummary",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub space_settings_summary: Option<SpaceSettingsSummary>,
    #[serde(
        rename = "SpaceSharingSettingsSummary",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub space_sharing_settings_summary: Option<SpaceSharingSettingsSummary>,
    #[serde(rename = "Status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<SpaceStatus>,
}

/// `SpaceIdleSettings` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SpaceIdleSettings {
    #[serde(
        rename = "IdleTimeoutInMinutes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub idle_timeout_in_minutes: Option<i32>,
}

/// `SpaceJupyterLabAppSettings` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SpaceJupyterLabAppSettings {
    #[serde(
        rename = "AppLifecycleManagement",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub app_lifecycle_management: Option<SpaceAppLifecycleManagement>,
    #[serde(
        rename = "CodeRepositories",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_repositories: Option<Vec<CodeRepository>>,
    #[serde(
        rename = "DefaultResourceSpec",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub default_resource_spec: Option<ResourceSpec>,
}

/// `SpaceSettings` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SpaceSettings {
    #[serde(rename = "AppType", default, skip_serializing_if = "Option::is_none")]
    pub app_type: Option<AppType>,
    #[serde(
        rename = "CodeEditorAppSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_editor_app_settings: Option<SpaceCodeEditorAppSettings>,
    #[serde(
        rename = "CustomFileSystems",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub custom_file_systems: Option<Vec<CustomFileSystem>>,
    #[serde(
        rename = "JupyterLabAppSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub jupyter_lab_app_settings: Option<SpaceJupyterLabAppSettings>,
    #[serde(
        rename = "JupyterServerAppSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub jupyter_server_app_settings: Option<JupyterServerAppSettings>,
    #[serde(
        rename = "KernelGatewayAppSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub kernel_gateway_app_settings: Option<KernelGatewayAppSettings>,
    #[serde(
        rename = "RemoteAccess",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub remote_access: Option<FeatureStatus>,
    #[serde(
        rename = "SpaceManagedResources",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub space_managed_resources: Option<FeatureStatus>,
    #[serde(
        rename = "SpaceStorageSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub space_storage_settings: Option<SpaceStorageSettings>,
}

/// `SpaceSettingsSummary` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SpaceSettingsSummary {
    #[serde(rename = "AppType", default, skip_serializing_if = "Option::is_none")]
    pub app_type: Option<AppType>,
    #[serde(
        rename = "RemoteAccess",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub remote_access: Option<FeatureStatus>,
    #[serde(
        rename = "SpaceStorageSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub space_storage_settings: Option<SpaceStorageSettings>,
}

/// `SpaceSharingSettings` of the model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpaceSharingSettings {
    #[serde(rename = "SharingType")]
    pub sharing_type: SharingType,
}

/// `SpaceSharingSettingsSummary` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SpaceSharingSettingsSummary {
    #[serde(
        rename = "SharingType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub sharing_type: Option<SharingType>,
}

/// `SpaceSortKey` of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SpaceSortKey {
    #[serde(rename = "CreationTime")]
    CreationTime,
    #[serde(rename = "LastModifiedTime")]
    LastModifiedTime,
}

impl WireEnum for SpaceSortKey {
    const VALUES: &'static [Self] = &[SpaceSortKey::CreationTime, SpaceSortKey::LastModifiedTime];

    fn as_str(self) -> &'static str {
        match self {
            SpaceSortKey::CreationTime => "CreationTime",
            SpaceSortKey::LastModifiedTime => "LastModifiedTime",
        }
    }
}

/// `SpaceStatus` of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SpaceStatus {
    #[serde(rename = "Deleting")]
    Deleting,
    #[serde(rename = "Failed")]
    Failed,
    #[serde(rename = "InService")]
    InService,
    #[serde(rename = "Pending")]
    Pending,
    #[serde(rename = "Updating")]
    Updating,
    #[serde(rename = "Update_Failed")]
    UpdateFailed,
    #[serde(rename = "Delete_Failed")]
    DeleteFailed,
}

impl WireEnum for SpaceStatus {
    const VALUES: &'static [Self] = &[
        SpaceStatus::Deleting,
        SpaceStatus::Failed,
        SpaceStatus::InService,
        SpaceStatus::Pending,
        SpaceStatus::Updating,
        SpaceStatus::UpdateFailed,
        SpaceStatus::DeleteFailed,
    ];

    fn as_str(self) -> &'static str {
        match self {
            SpaceStatus::Deleting => "Deleting",
            SpaceStatus::Failed => "Failed",
            SpaceStatus::InService => "InService",
            SpaceStatus::Pending => "Pending",
            SpaceStatus::Updating => "Updating",
            SpaceStatus::UpdateFailed => "Update_Failed",
            SpaceStatus::DeleteFailed => "Delete_Failed",
        }
    }
}

/// `SpaceStorageSettings` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SpaceStorageSettings {
    #[serde(
        rename = "EbsStorageSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ebs_storage_settings: Option<EbsStorageSettings>,
}

/// `StudioLifecycleConfigAppType` of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum StudioLifecycleConfigAppType {
    #[serde(rename = "JupyterServer")]
    JupyterServer,
    #[serde(rename = "KernelGateway")]
    KernelGateway,
    #[serde(rename = "CodeEditor")]
    CodeEditor,
    #[serde(rename = "JupyterLab")]
    JupyterLab,
}

impl WireEnum for StudioLifecycleConfigAppType {
    const VALUES: &'static [Self] = &[
        StudioLifecycleConfigAppType::JupyterServer,
        StudioLifecycleConfigAppType::KernelGateway,
        StudioLifecycleConfigAppType::CodeEditor,
        StudioLifecycleConfigAppType::JupyterLab,
    ];

    fn as_str(self) -> &'static str {
        match self {
            StudioLifecycleConfigAppType::JupyterServer => "JupyterServer",
            StudioLifecycleConfigAppType::KernelGateway => "KernelGateway",
            StudioLifecycleConfigAppType::CodeEditor => "CodeEditor",
            StudioLifecycleConfigAppType::JupyterLab => "JupyterLab",
        }
    }
}

/// `StudioLifecycleConfigDetails` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StudioLifecycleConfigDetails {
    #[serde(
        rename = "CreationTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub creation_time: Option<EpochSeconds>,
    #[serde(
        rename = "LastModifiedTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_modified_time: Option<EpochSeconds>,
    #[serde(
        rename = "StudioLifecycleConfigAppType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub studio_lifecycle_config_app_type: Option<StudioLifecycleConfigAppType>,
    #[serde(
        rename = "StudioLifecycleConfigArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub studio_lifecycle_config_arn: Option<String>,
    #[serde(
        rename = "StudioLifecycleConfigName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub studio_lifecycle_config_name: Option<String>,
}

/// `StudioLifecycleConfigSortKey` of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum StudioLifecycleConfigSortKey {
    #[serde(rename = "CreationTime")]
    CreationTime,
    #[serde(rename = "LastModifiedTime")]
    LastModifiedTime,
    #[serde(rename = "Name")]
    Name,
}

impl WireEnum for StudioLifecycleConfigSortKey {
    const VALUES: &'static [Self] = &[
        StudioLifecycleConfigSortKey::CreationTime,
        StudioLifecycleConfigSortKey::LastModifiedTime,
        StudioLifecycleConfigSortKey::Name,
    ];

    fn as_str(self) -> &'static str {
        match self {
            StudioLifecycleConfigSortKey::CreationTime => "CreationTime",
            StudioLifecycleConfigSortKey::LastModifiedTime => "LastModifiedTime",
            StudioLifecycleConfigSortKey::Name => "Name",
        }
    }
}

/// `StudioWebPortal` of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum StudioWebPortal {
    #[serde(rename = "ENABLED")]
    Enabled,
    #[serde(rename = "DISABLED")]
    Disabled,
}

impl WireEnum for StudioWebPortal {
    const VALUES: &'static [Self] = &[StudioWebPortal::Enabled, StudioWebPortal::Disabled];

    fn as_str(self) -> &'static str {
        match self {
            StudioWebPortal::Enabled => "ENABLED",
            StudioWebPortal::Disabled => "DISABLED",
        }
    }
}

/// `StudioWebPortalSettings` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StudioWebPortalSettings {
    #[serde(
        rename = "ExecutionRoleSessionNameMode",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_role_session_name_mode: Option<ExecutionRoleSessionNameMode>,
    #[serde(
        rename = "HiddenAppTypes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub hidden_app_types: Option<Vec<AppType>>,
    #[serde(
        rename = "HiddenInstanceTypes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub hidden_instance_types: Option<Vec<AppInstanceType>>,
    #[serde(
        rename = "HiddenMlTools",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub hidden_ml_tools: Option<Vec<MlTools>>,
    #[serde(
        rename = "HiddenSageMakerImageVersionAliases",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub hidden_sage_maker_image_version_aliases: Option<Vec<HiddenSageMakerImage>>,
}

/// `Tag` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Tag {
    #[serde(rename = "Key")]
    pub key: String,
    #[serde(rename = "Value")]
    pub value: String,
}

/// `TagPropagation` of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TagPropagation {
    #[serde(rename = "ENABLED")]
    Enabled,
    #[serde(rename = "DISABLED")]
    Disabled,
}

impl WireEnum for TagPropagation {
    const VALUES: &'static [Self] = &[TagPropagation::Enabled, TagPropagation::Disabled];

    fn as_str(self) -> &'static str {
        match self {
            TagPropagation::Enabled => "ENABLED",
            TagPropagation::Disabled => "DISABLED",
        }
    }
}

/// `TensorBoardAppSettings` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TensorBoardAppSettings {
    #[serde(
        rename = "DefaultResourceSpec",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub default_resource_spec: Option<ResourceSpec>,
}

/// `TimeSeriesForecastingSettings` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TimeSeriesForecastingSettings {
    #[serde(
        rename = "AmazonForecastRoleArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub amazon_forecast_role_arn: Option<String>,
    #[serde(rename = "Status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<FeatureStatus>,
}

/// `TrustedIdentityPropagationSettings` of the model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrustedIdentityPropagationSettings {
    #[serde(rename = "Status")]
    pub status: FeatureStatus,
}

/// `UnifiedStudioSettings` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UnifiedStudioSettings {
    #[serde(
        rename = "DomainAccountId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub domain_account_id: Option<String>,
    #[serde(rename = "DomainId", default, skip_serializing_if = "Option::is_none")]
    pub domain_id: Option<String>,
    #[serde(
        rename = "DomainRegion",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub domain_region: Option<String>,
    #[serde(
        rename = "EnvironmentId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub environment_id: Option<String>,
    #[serde(rename = "ProjectId", default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    #[serde(
        rename = "ProjectS3Path",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub project_s3_path: Option<String>,
    #[serde(
        rename = "SingleSignOnApplicationArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub single_sign_on_application_arn: Option<String>,
    #[serde(
        rename = "StudioWebPortalAccess",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub studio_web_portal_access: Option<FeatureStatus>,
}

/// `UpdateAppImageConfigRequest` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateAppImageConfigRequest {
    #[serde(rename = "AppImageConfigName")]
    pub app_image_config_name: String,
    #[serde(
        rename = "CodeEditorAppImageConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_editor_app_image_config: Option<CodeEditorAppImageConfig>,
    #[serde(
        rename = "JupyterLabAppImageConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub jupyter_lab_app_image_config: Option<JupyterLabAppImageConfig>,
    #[serde(
        rename = "KernelGatewayImageConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub kernel_gateway_image_config: Option<KernelGatewayImageConfig>,
}

/// `UpdateAppImageConfigResponse` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateAppImageConfigResponse {
    #[serde(
        rename = "AppImageConfigArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub app_image_config_arn: Option<String>,
}

/// `UpdateDomainRequest` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateDomainRequest {
    #[serde(
        rename = "AppNetworkAccessType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub app_network_access_type: Option<AppNetworkAccessType>,
    #[serde(
        rename = "AppSecurityGroupManagement",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub app_security_group_management: Option<AppSecurityGroupManagement>,
    #[serde(
        rename = "DefaultSpaceSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub default_space_settings: Option<DefaultSpaceSettings>,
    #[serde(
        rename = "DefaultUserSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub default_user_settings: Option<UserSettings>,
    #[serde(rename = "DomainId")]
    pub domain_id: String,
    #[serde(
        rename = "DomainSettingsForUpdate",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub domain_settings_for_update: Option<DomainSettingsForUpdate>,
    #[serde(
        rename = "HomeEfsFileSystemCreation",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub home_efs_file_system_creation: Option<HomeEfsFileSystemCreation>,
    #[serde(rename = "SubnetIds", default, skip_serializing_if = "Option::is_none")]
    pub subnet_ids: Option<Vec<String>>,
    #[serde(
        rename = "TagPropagation",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub tag_propagation: Option<TagPropagation>,
    #[serde(rename = "VpcId", default, skip_serializing_if = "Option::is_none")]
    pub vpc_id: Option<String>,
}

/// `UpdateDomainResponse` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateDomainResponse {
    #[serde(rename = "DomainArn", default, skip_serializing_if = "Option::is_none")]
    pub domain_arn: Option<String>,
}

/// `UpdateImageRequest` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateImageRequest {
    #[serde(
        rename = "DeleteProperties",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub delete_properties: Option<Vec<String>>,
    #[serde(
        rename = "Description",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    #[serde(
        rename = "DisplayName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub display_name: Option<String>,
    #[serde(rename = "ImageName")]
    pub image_name: String,
    #[serde(rename = "RoleArn", default, skip_serializing_if = "Option::is_none")]
    pub role_arn: Option<String>,
}

/// `UpdateImageResponse` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateImageResponse {
    #[serde(rename = "ImageArn", default, skip_serializing_if = "Option::is_none")]
    pub image_arn: Option<String>,
}

/// `UpdateImageVersionRequest` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateImageVersionRequest {
    #[serde(rename = "Alias", default, skip_serializing_if = "Option::is_none")]
    pub alias: Option<String>,
    #[serde(
        rename = "AliasesToAdd",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub aliases_to_add: Option<Vec<String>>,
    #[serde(
        rename = "AliasesToDelete",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub aliases_to_delete: Option<Vec<String>>,
    #[serde(rename = "Horovod", default, skip_serializing_if = "Option::is_none")]
    pub horovod: Option<bool>,
    #[serde(rename = "ImageName")]
    pub image_name: String,
    #[serde(rename = "JobType", default, skip_serializing_if = "Option::is_none")]
    pub job_type: Option<JobType>,
    #[serde(
        rename = "MLFramework",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ml_framework: Option<String>,
    #[serde(rename = "Processor", default, skip_serializing_if = "Option::is_none")]
    pub processor: Option<Processor>,
    #[serde(
        rename = "ProgrammingLang",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub programming_lang: Option<String>,
    #[serde(
        rename = "ReleaseNotes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub release_notes: Option<String>,
    #[serde(
        rename = "VendorGuidance",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub vendor_guidance: Option<VendorGuidance>,
    #[serde(rename = "Version", default, skip_serializing_if = "Option::is_none")]
    pub version: Option<i32>,
}

/// `UpdateImageVersionResponse` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateImageVersionResponse {
    #[serde(
        rename = "ImageVersionArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub image_version_arn: Option<String>,
}

/// `UpdateSpaceRequest` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateSpaceRequest {
    #[serde(rename = "DomainId")]
    pub domain_id: String,
    #[serde(
        rename = "SpaceDisplayName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub space_display_name: Option<String>,
    #[serde(rename = "SpaceName")]
    pub space_name: String,
    #[serde(
        rename = "SpaceSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub space_settings: Option<SpaceSettings>,
}

/// `UpdateSpaceResponse` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateSpaceResponse {
    #[serde(rename = "SpaceArn", default, skip_serializing_if = "Option::is_none")]
    pub space_arn: Option<String>,
}

/// `UpdateUserProfileRequest` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateUserProfileRequest {
    #[serde(rename = "DomainId")]
    pub domain_id: String,
    #[serde(rename = "UserProfileName")]
    pub user_profile_name: String,
    #[serde(
        rename = "UserSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub user_settings: Option<UserSettings>,
}

/// `UpdateUserProfileResponse` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateUserProfileResponse {
    #[serde(
        rename = "UserProfileArn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub user_profile_arn: Option<String>,
}

/// `UserProfileDetails` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UserProfileDetails {
    #[serde(
        rename = "CreationTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub creation_time: Option<EpochSeconds>,
    #[serde(rename = "DomainId", default, skip_serializing_if = "Option::is_none")]
    pub domain_id: Option<String>,
    #[serde(
        rename = "LastModifiedTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_modified_time: Option<EpochSeconds>,
    #[serde(rename = "Status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<UserProfileStatus>,
    #[serde(
        rename = "UserProfileName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub user_profile_name: Option<String>,
}

/// `UserProfileSortKey` of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum UserProfileSortKey {
    #[serde(rename = "CreationTime")]
    CreationTime,
    #[serde(rename = "LastModifiedTime")]
    LastModifiedTime,
}

impl WireEnum for UserProfileSortKey {
    const VALUES: &'static [Self] = &[
        UserProfileSortKey::CreationTime,
        UserProfileSortKey::LastModifiedTime,
    ];

    fn as_str(self) -> &'static str {
        match self {
            UserProfileSortKey::CreationTime => "CreationTime",
            UserProfileSortKey::LastModifiedTime => "LastModifiedTime",
        }
    }
}

/// `UserProfileStatus` of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum UserProfileStatus {
    #[serde(rename = "Deleting")]
    Deleting,
    #[serde(rename = "Failed")]
    Failed,
    #[serde(rename = "InService")]
    InService,
    #[serde(rename = "Pending")]
    Pending,
    #[serde(rename = "Updating")]
    Updating,
    #[serde(rename = "Update_Failed")]
    UpdateFailed,
    #[serde(rename = "Delete_Failed")]
    DeleteFailed,
}

impl WireEnum for UserProfileStatus {
    const VALUES: &'static [Self] = &[
        UserProfileStatus::Deleting,
        UserProfileStatus::Failed,
        UserProfileStatus::InService,
        UserProfileStatus::Pending,
        UserProfileStatus::Updating,
        UserProfileStatus::UpdateFailed,
        UserProfileStatus::DeleteFailed,
    ];

    fn as_str(self) -> &'static str {
        match self {
            UserProfileStatus::Deleting => "Deleting",
            UserProfileStatus::Failed => "Failed",
            UserProfileStatus::InService => "InService",
            UserProfileStatus::Pending => "Pending",
            UserProfileStatus::Updating => "Updating",
            UserProfileStatus::UpdateFailed => "Update_Failed",
            UserProfileStatus::DeleteFailed => "Delete_Failed",
        }
    }
}

/// `UserSettings` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UserSettings {
    #[serde(
        rename = "AutoMountHomeEFS",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub auto_mount_home_efs: Option<AutoMountHomeEFS>,
    #[serde(
        rename = "CanvasAppSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub canvas_app_settings: Option<CanvasAppSettings>,
    #[serde(
        rename = "CodeEditorAppSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_editor_app_settings: Option<CodeEditorAppSettings>,
    #[serde(
        rename = "CustomFileSystemConfigs",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub custom_file_system_configs: Option<Vec<CustomFileSystemConfig>>,
    #[serde(
        rename = "CustomPosixUserConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub custom_posix_user_config: Option<CustomPosixUserConfig>,
    #[serde(
        rename = "DefaultLandingUri",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub default_landing_uri: Option<String>,
    #[serde(
        rename = "ExecutionRole",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_role: Option<String>,
    #[serde(
        rename = "JupyterLabAppSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub jupyter_lab_app_settings: Option<JupyterLabAppSettings>,
    #[serde(
        rename = "JupyterServerAppSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub jupyter_server_app_settings: Option<JupyterServerAppSettings>,
    #[serde(
        rename = "KernelGatewayAppSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub kernel_gateway_app_settings: Option<KernelGatewayAppSettings>,
    #[serde(
        rename = "RSessionAppSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub r_session_app_settings: Option<RSessionAppSettings>,
    #[serde(
        rename = "RStudioServerProAppSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub r_studio_server_pro_app_settings: Option<RStudioServerProAppSettings>,
    #[serde(
        rename = "SecurityGroups",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub security_groups: Option<Vec<String>>,
    #[serde(
        rename = "SharingSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub sharing_settings: Option<SharingSettings>,
    #[serde(
        rename = "SpaceStorageSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub space_storage_settings: Option<DefaultSpaceStorageSettings>,
    #[serde(
        rename = "StudioWebPortal",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub studio_web_portal: Option<StudioWebPortal>,
    #[serde(
        rename = "StudioWebPortalSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub studio_web_portal_settings: Option<StudioWebPortalSettings>,
    #[serde(
        rename = "TensorBoardAppSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub tensor_board_app_settings: Option<TensorBoardAppSettings>,
}

/// `VendorGuidance` of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum VendorGuidance {
    #[serde(rename = "NOT_PROVIDED")]
    NotProvided,
    #[serde(rename = "STABLE")]
    Stable,
    #[serde(rename = "TO_BE_ARCHIVED")]
    ToBeArchived,
    #[serde(rename = "ARCHIVED")]
    Archived,
}

impl WireEnum for VendorGuidance {
    const VALUES: &'static [Self] = &[
        VendorGuidance::NotProvided,
        VendorGuidance::Stable,
        VendorGuidance::ToBeArchived,
        VendorGuidance::Archived,
    ];

    fn as_str(self) -> &'static str {
        match self {
            VendorGuidance::NotProvided => "NOT_PROVIDED",
            VendorGuidance::Stable => "STABLE",
            VendorGuidance::ToBeArchived => "TO_BE_ARCHIVED",
            VendorGuidance::Archived => "ARCHIVED",
        }
    }
}

/// `WorkspaceSettings` of the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct WorkspaceSettings {
    #[serde(
        rename = "S3ArtifactPath",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub s3_artifact_path: Option<String>,
    #[serde(
        rename = "S3KmsKeyId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub s3_kms_key_id: Option<String>,
}

/// One unit type per served operation (see [`Operation`]).
pub mod op {
    use super::*;

    /// `AddTags`.
    #[derive(Debug, Clone, Copy)]
    pub struct AddTags;

    impl Operation for AddTags {
        const NAME: &'static str = "AddTags";
        type Input = AddTagsInput;
        type Output = AddTagsOutput;
    }

    /// `CreateApp`.
    #[derive(Debug, Clone, Copy)]
    pub struct CreateApp;

    impl Operation for CreateApp {
        const NAME: &'static str = "CreateApp";
        type Input = CreateAppRequest;
        type Output = CreateAppResponse;
    }

    /// `CreateAppImageConfig`.
    #[derive(Debug, Clone, Copy)]
    pub struct CreateAppImageConfig;

    impl Operation for CreateAppImageConfig {
        const NAME: &'static str = "CreateAppImageConfig";
        type Input = CreateAppImageConfigRequest;
        type Output = CreateAppImageConfigResponse;
    }

    /// `CreateDomain`.
    #[derive(Debug, Clone, Copy)]
    pub struct CreateDomain;

    impl Operation for CreateDomain {
        const NAME: &'static str = "CreateDomain";
        type Input = CreateDomainRequest;
        type Output = CreateDomainResponse;
    }

    /// `CreateImage`.
    #[derive(Debug, Clone, Copy)]
    pub struct CreateImage;

    impl Operation for CreateImage {
        const NAME: &'static str = "CreateImage";
        type Input = CreateImageRequest;
        type Output = CreateImageResponse;
    }

    /// `CreateImageVersion`.
    #[derive(Debug, Clone, Copy)]
    pub struct CreateImageVersion;

    impl Operation for CreateImageVersion {
        const NAME: &'static str = "CreateImageVersion";
        type Input = CreateImageVersionRequest;
        type Output = CreateImageVersionResponse;
    }

    /// `CreatePresignedDomainUrl`.
    #[derive(Debug, Clone, Copy)]
    pub struct CreatePresignedDomainUrl;

    impl Operation for CreatePresignedDomainUrl {
        const NAME: &'static str = "CreatePresignedDomainUrl";
        type Input = CreatePresignedDomainUrlRequest;
        type Output = CreatePresignedDomainUrlResponse;
    }

    /// `CreateSpace`.
    #[derive(Debug, Clone, Copy)]
    pub struct CreateSpace;

    impl Operation for CreateSpace {
        const NAME: &'static str = "CreateSpace";
        type Input = CreateSpaceRequest;
        type Output = CreateSpaceResponse;
    }

    /// `CreateStudioLifecycleConfig`.
    #[derive(Debug, Clone, Copy)]
    pub struct CreateStudioLifecycleConfig;

    impl Operation for CreateStudioLifecycleConfig {
        const NAME: &'static str = "CreateStudioLifecycleConfig";
        type Input = CreateStudioLifecycleConfigRequest;
        type Output = CreateStudioLifecycleConfigResponse;
    }

    /// `CreateUserProfile`.
    #[derive(Debug, Clone, Copy)]
    pub struct CreateUserProfile;

    impl Operation for CreateUserProfile {
        const NAME: &'static str = "CreateUserProfile";
        type Input = CreateUserProfileRequest;
        type Output = CreateUserProfileResponse;
    }

    /// `DeleteApp`.
    #[derive(Debug, Clone, Copy)]
    pub struct DeleteApp;

    impl Operation for DeleteApp {
        const NAME: &'static str = "DeleteApp";
        type Input = DeleteAppRequest;
        type Output = Empty;
    }

    /// `DeleteAppImageConfig`.
    #[derive(Debug, Clone, Copy)]
    pub struct DeleteAppImageConfig;

    impl Operation for DeleteAppImageConfig {
        const NAME: &'static str = "DeleteAppImageConfig";
        type Input = DeleteAppImageConfigRequest;
        type Output = Empty;
    }

    /// `DeleteDomain`.
    #[derive(Debug, Clone, Copy)]
    pub struct DeleteDomain;

    impl Operation for DeleteDomain {
        const NAME: &'static str = "DeleteDomain";
        type Input = DeleteDomainRequest;
        type Output = Empty;
    }

    /// `DeleteImage`.
    #[derive(Debug, Clone, Copy)]
    pub struct DeleteImage;

    impl Operation for DeleteImage {
        const NAME: &'static str = "DeleteImage";
        type Input = DeleteImageRequest;
        type Output = DeleteImageResponse;
    }

    /// `DeleteImageVersion`.
    #[derive(Debug, Clone, Copy)]
    pub struct DeleteImageVersion;

    impl Operation for DeleteImageVersion {
        const NAME: &'static str = "DeleteImageVersion";
        type Input = DeleteImageVersionRequest;
        type Output = DeleteImageVersionResponse;
    }

    /// `DeleteSpace`.
    #[derive(Debug, Clone, Copy)]
    pub struct DeleteSpace;

    impl Operation for DeleteSpace {
        const NAME: &'static str = "DeleteSpace";
        type Input = DeleteSpaceRequest;
        type Output = Empty;
    }

    /// `DeleteStudioLifecycleConfig`.
    #[derive(Debug, Clone, Copy)]
    pub struct DeleteStudioLifecycleConfig;

    impl Operation for DeleteStudioLifecycleConfig {
        const NAME: &'static str = "DeleteStudioLifecycleConfig";
        type Input = DeleteStudioLifecycleConfigRequest;
        type Output = Empty;
    }

    /// `DeleteTags`.
    #[derive(Debug, Clone, Copy)]
    pub struct DeleteTags;

    impl Operation for DeleteTags {
        const NAME: &'static str = "DeleteTags";
        type Input = DeleteTagsInput;
        type Output = DeleteTagsOutput;
    }

    /// `DeleteUserProfile`.
    #[derive(Debug, Clone, Copy)]
    pub struct DeleteUserProfile;

    impl Operation for DeleteUserProfile {
        const NAME: &'static str = "DeleteUserProfile";
        type Input = DeleteUserProfileRequest;
        type Output = Empty;
    }

    /// `DescribeApp`.
    #[derive(Debug, Clone, Copy)]
    pub struct DescribeApp;

    impl Operation for DescribeApp {
        const NAME: &'static str = "DescribeApp";
        type Input = DescribeAppRequest;
        type Output = DescribeAppResponse;
    }

    /// `DescribeAppImageConfig`.
    #[derive(Debug, Clone, Copy)]
    pub struct DescribeAppImageConfig;

    impl Operation for DescribeAppImageConfig {
        const NAME: &'static str = "DescribeAppImageConfig";
        type Input = DescribeAppImageConfigRequest;
        type Output = DescribeAppImageConfigResponse;
    }

    /// `DescribeDomain`.
    #[derive(Debug, Clone, Copy)]
    pub struct DescribeDomain;

    impl Operation for DescribeDomain {
        const NAME: &'static str = "DescribeDomain";
        type Input = DescribeDomainRequest;
        type Output = DescribeDomainResponse;
    }

    /// `DescribeImage`.
    #[derive(Debug, Clone, Copy)]
    pub struct DescribeImage;

    impl Operation for DescribeImage {
        const NAME: &'static str = "DescribeImage";
        type Input = DescribeImageRequest;
        type Output = DescribeImageResponse;
    }

    /// `DescribeImageVersion`.
    #[derive(Debug, Clone, Copy)]
    pub struct DescribeImageVersion;

    impl Operation for DescribeImageVersion {
        const NAME: &'static str = "DescribeImageVersion";
        type Input = DescribeImageVersionRequest;
        type Output = DescribeImageVersionResponse;
    }

    /// `DescribeSpace`.
    #[derive(Debug, Clone, Copy)]
    pub struct DescribeSpace;

    impl Operation for DescribeSpace {
        const NAME: &'static str = "DescribeSpace";
        type Input = DescribeSpaceRequest;
        type Output = DescribeSpaceResponse;
    }

    /// `DescribeStudioLifecycleConfig`.
    #[derive(Debug, Clone, Copy)]
    pub struct DescribeStudioLifecycleConfig;

    impl Operation for DescribeStudioLifecycleConfig {
        const NAME: &'static str = "DescribeStudioLifecycleConfig";
        type Input = DescribeStudioLifecycleConfigRequest;
        type Output = DescribeStudioLifecycleConfigResponse;
    }

    /// `DescribeUserProfile`.
    #[derive(Debug, Clone, Copy)]
    pub struct DescribeUserProfile;

    impl Operation for DescribeUserProfile {
        const NAME: &'static str = "DescribeUserProfile";
        type Input = DescribeUserProfileRequest;
        type Output = DescribeUserProfileResponse;
    }

    /// `ListAliases`.
    #[derive(Debug, Clone, Copy)]
    pub struct ListAliases;

    impl Operation for ListAliases {
        const NAME: &'static str = "ListAliases";
        type Input = ListAliasesRequest;
        type Output = ListAliasesResponse;
    }

    /// `ListAppImageConfigs`.
    #[derive(Debug, Clone, Copy)]
    pub struct ListAppImageConfigs;

    impl Operation for ListAppImageConfigs {
        const NAME: &'static str = "ListAppImageConfigs";
        type Input = ListAppImageConfigsRequest;
        type Output = ListAppImageConfigsResponse;
    }

    /// `ListApps`.
    #[derive(Debug, Clone, Copy)]
    pub struct ListApps;

    impl Operation for ListApps {
        const NAME: &'static str = "ListApps";
        type Input = ListAppsRequest;
        type Output = ListAppsResponse;
    }

    /// `ListDomains`.
    #[derive(Debug, Clone, Copy)]
    pub struct ListDomains;

    impl Operation for ListDomains {
        const NAME: &'static str = "ListDomains";
        type Input = ListDomainsRequest;
        type Output = ListDomainsResponse;
    }

    /// `ListImageVersions`.
    #[derive(Debug, Clone, Copy)]
    pub struct ListImageVersions;

    impl Operation for ListImageVersions {
        const NAME: &'static str = "ListImageVersions";
        type Input = ListImageVersionsRequest;
        type Output = ListImageVersionsResponse;
    }

    /// `ListImages`.
    #[derive(Debug, Clone, Copy)]
    pub struct ListImages;

    impl Operation for ListImages {
        const NAME: &'static str = "ListImages";
        type Input = ListImagesRequest;
        type Output = ListImagesResponse;
    }

    /// `ListSpaces`.
    #[derive(Debug, Clone, Copy)]
    pub struct ListSpaces;

    impl Operation for ListSpaces {
        const NAME: &'static str = "ListSpaces";
        type Input = ListSpacesRequest;
        type Output = ListSpacesResponse;
    }

    /// `ListStudioLifecycleConfigs`.
    #[derive(Debug, Clone, Copy)]
    pub struct ListStudioLifecycleConfigs;

    impl Operation for ListStudioLifecycleConfigs {
        const NAME: &'static str = "ListStudioLifecycleConfigs";
        type Input = ListStudioLifecycleConfigsRequest;
        type Output = ListStudioLifecycleConfigsResponse;
    }

    /// `ListTags`.
    #[derive(Debug, Clone, Copy)]
    pub struct ListTags;

    impl Operation for ListTags {
        const NAME: &'static str = "ListTags";
        type Input = ListTagsInput;
        type Output = ListTagsOutput;
    }

    /// `ListUserProfiles`.
    #[derive(Debug, Clone, Copy)]
    pub struct ListUserProfiles;

    impl Operation for ListUserProfiles {
        const NAME: &'static str = "ListUserProfiles";
        type Input = ListUserProfilesRequest;
        type Output = ListUserProfilesResponse;
    }

    /// `UpdateAppImageConfig`.
    #[derive(Debug, Clone, Copy)]
    pub struct UpdateAppImageConfig;

    impl Operation for UpdateAppImageConfig {
        const NAME: &'static str = "UpdateAppImageConfig";
        type Input = UpdateAppImageConfigRequest;
        type Output = UpdateAppImageConfigResponse;
    }

    /// `UpdateDomain`.
    #[derive(Debug, Clone, Copy)]
    pub struct UpdateDomain;

    impl Operation for UpdateDomain {
        const NAME: &'static str = "UpdateDomain";
        type Input = UpdateDomainRequest;
        type Output = UpdateDomainResponse;
    }

    /// `UpdateImage`.
    #[derive(Debug, Clone, Copy)]
    pub struct UpdateImage;

    impl Operation for UpdateImage {
        const NAME: &'static str = "UpdateImage";
        type Input = UpdateImageRequest;
        type Output = UpdateImageResponse;
    }

    /// `UpdateImageVersion`.
    #[derive(Debug, Clone, Copy)]
    pub struct UpdateImageVersion;

    impl Operation for UpdateImageVersion {
        const NAME: &'static str = "UpdateImageVersion";
        type Input = UpdateImageVersionRequest;
        type Output = UpdateImageVersionResponse;
    }

    /// `UpdateSpace`.
    #[derive(Debug, Clone, Copy)]
    pub struct UpdateSpace;

    impl Operation for UpdateSpace {
        const NAME: &'static str = "UpdateSpace";
        type Input = UpdateSpaceRequest;
        type Output = UpdateSpaceResponse;
    }

    /// `UpdateUserProfile`.
    #[derive(Debug, Clone, Copy)]
    pub struct UpdateUserProfile;

    impl Operation for UpdateUserProfile {
        const NAME: &'static str = "UpdateUserProfile";
        type Input = UpdateUserProfileRequest;
        type Output = UpdateUserProfileResponse;
    }
}
