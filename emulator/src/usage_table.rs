//! The human view of the usage report (`sagemaker-studio-emulator usage --endpoint URL`): fetches
//! `GET /_emulator/usage` from a running emulator and prints instances, hours and cost as a table
//! a teacher can project. Rendering is a pure function of the report's JSON.

use std::fmt::Write as _;

use serde_json::Value;

/// Renders a usage report (docs/contract.md §5 JSON) as a fixed-width table.
pub fn render(report: &Value) -> String {
    let instances = report
        .get("Instances")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let mut rows: Vec<[String; 8]> = vec![[
        "INSTANCE".into(),
        "OWNER".into(),
        "TYPE".into(),
        "APPS".into(),
        "START (UTC)".into(),
        "END (UTC)".into(),
        "HOURS".into(),
        "COST USD".into(),
    ]];
    for instance in &instances {
        let text = |member: &str| instance.get(member).and_then(Value::as_str).unwrap_or("");
        let owner = match (
            instance.get("UserProfileName").and_then(Value::as_str),
            instance.get("SpaceName").and_then(Value::as_str),
        ) {
            (Some(profile), _) => format!("user {profile}"),
            (None, Some(space)) => format!("space {space}"),
            (None, None) => String::new(),
        };
        let apps = instance
            .get("Apps")
            .and_then(Value::as_array)
            .map(|apps| {
                apps.iter()
                    .filter_map(Value::as_str)
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .unwrap_or_default();
        let time = |member: &str| {
            instance
                .get(member)
                .and_then(Value::as_f64)
                .map_or_else(|| "running".to_string(), utc)
        };
        let seconds = instance
            .get("BilledSeconds")
            .and_then(Value::as_u64)
            .unwrap_or(0);
        let cost = match (
            instance.get("CostUsd").and_then(Value::as_f64),
            instance.get("HourlyPriceUsd").and_then(Value::as_f64),
        ) {
            (Some(cost), Some(price)) => format!("{cost:.6} (at {price}/h)"),
            _ => "no price".to_string(),
        };
        rows.push([
            text("InstanceId").to_string(),
            owner,
            text("InstanceType").to_string(),
            apps,
            time("StartTime"),
            time("EndTime"),
            format!("{:.3}", seconds as f64 / 3600.0),
            cost,
        ]);
    }
    let mut widths = [0usize; 8];
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    for row in &rows {
        let line: Vec<String> = row
            .iter()
            .zip(widths)
            .map(|(cell, width)| format!("{cell:<width$}"))
            .collect();
        let _ = writeln!(out, "{}", line.join("  ").trim_end());
    }
    if instances.is_empty() {
        let _ = writeln!(out, "(no billed instances)");
    }
    let total = report
        .get("TotalCostUsd")
        .and_then(Value::as_f64)
        .unwrap_or(0.0);
    let currency = report
        .get("Currency")
        .and_then(Value::as_str)
        .unwrap_or("USD");
    let _ = writeln!(out, "TOTAL {total:.6} {currency}");
    out
}

/// `YYYY-MM-DD HH:MM:SS` of epoch seconds (UTC), by the civil-from-days algorithm.
pub fn utc(epoch_seconds: f64) -> String {
    let secs = epoch_seconds.floor() as i64;
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02}",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// Fetches `GET {endpoint}/_emulator/usage?{query}` over plain HTTP/1.1 (the emulator serves
/// `http://` only).
pub async fn fetch(endpoint: &str, query: &str) -> Result<Value, String> {
    let path = format!("/_emulator/usage?{query}");
    let (status, body) = crate::cli_client::exchange(
        endpoint,
        "GET",
        &path,
        &[("Accept", "application/json")],
        "",
    )
    .await?;
    if status != 200 {
        return Err(format!("the emulator answered {status}: {body}"));
    }
    serde_json::from_str(&body).map_err(|e| format!("the usage report is not JSON: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn renders_the_seed_example_with_hours_and_total() {
        let report = json!({
            "Instances": [
                {"InstanceId": "i-01", "UserProfileName": "data-scientist", "SpaceName": null,
                 "InstanceType": "ml.t3.medium", "Apps": ["notebook-1", "notebook-2"],
                 "StartTime": 1767225600.0, "EndTime": 1767236400.0, "BilledSeconds": 10800,
                 "HourlyPriceUsd": 0.05, "CostUsd": 0.15},
                {"InstanceId": "i-02", "UserProfileName": null, "SpaceName": "lab",
                 "InstanceType": "ml.x.unknown", "Apps": ["default"],
                 "StartTime": 1767232800.0, "EndTime": null, "BilledSeconds": 3600,
                 "HourlyPriceUsd": null, "CostUsd": null}
            ],
            "TotalCostUsd": 0.15,
            "Currency": "USD"
        });
        let table = render(&report);
        assert!(table.contains("user data-scientist"), "{table}");
        assert!(table.contains("notebook-1, notebook-2"));
        assert!(table.contains("2026-01-01 00:00:00"));
        assert!(table.contains("2026-01-01 03:00:00"));
        assert!(table.contains("3.000"));
        assert!(table.contains("0.150000 (at 0.05/h)"));
        assert!(table.contains("space lab"));
        assert!(table.contains("running"));
        assert!(table.contains("no price"));
        assert!(table.ends_with("TOTAL 0.150000 USD\n"));
    }

    #[test]
    fn utc_formats_epoch_seconds() {
        assert_eq!(utc(0.0), "1970-01-01 00:00:00");
        assert_eq!(utc(951_782_400.0), "2000-02-29 00:00:00");
        assert_eq!(utc(1_767_225_599.9), "2025-12-31 23:59:59");
    }
}
