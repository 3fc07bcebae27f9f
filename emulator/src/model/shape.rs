//! The model slice as an indexed shape graph: parsed once from the fixture's JSON, with every
//! pattern compiled and every enum indexed, so that validating a request only walks data.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde_json::{Map, Value};

use super::pattern::Pattern;

/// Index of a shape in [`Model::shapes`].
pub type ShapeId = usize;

/// The SageMaker shapes and Studio operations of the embedded slice.
#[derive(Debug)]
pub struct Model {
    botocore_version: String,
    shapes: Vec<Shape>,
    by_name: HashMap<String, ShapeId>,
    operations: BTreeMap<String, Operation>,
}

/// One operation of the slice.
#[derive(Debug)]
pub struct Operation {
    pub name: String,
    pub input: Option<ShapeId>,
    pub output: Option<ShapeId>,
    pub errors: Vec<ShapeId>,
}

/// One named shape of the model.
#[derive(Debug)]
pub struct Shape {
    pub name: String,
    pub kind: Kind,
}

/// A shape's type with its constraints.
#[derive(Debug)]
pub enum Kind {
    Structure(Structure),
    List(List),
    Map(MapShape),
    String(StringShape),
    /// 32-bit integer (`integer`) with its `min`/`max` value range.
    Integer(Range<i64>),
    /// 64-bit integer (`long`).
    Long(Range<i64>),
    Float(Range<f64>),
    Double(Range<f64>),
    Boolean,
    /// `timestamp`; `epoch_seconds` unless the model names another `timestampFormat`.
    Timestamp {
        epoch_seconds: bool,
    },
    Blob(Length),
}

/// A `structure` (or tagged `union`).
#[derive(Debug)]
pub struct Structure {
    /// Members sorted by wire name (the fixture's key order).
    pub members: Vec<Member>,
    pub union: bool,
    pub exception: bool,
}

/// A member of a structure.
#[derive(Debug)]
pub struct Member {
    /// Wire name (PascalCase), the key in the request body.
    pub name: String,
    /// The name AWS uses in validation paths: the wire name with its first letter lower-cased.
    pub path_name: String,
    pub shape: ShapeId,
    pub required: bool,
}

/// `min`/`max` length (characters of a string, elements of a list, entries of a map).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Length {
    pub min: Option<u64>,
    pub max: Option<u64>,
}

/// `min`/`max` value of a number.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Range<T> {
    pub min: Option<T>,
    pub max: Option<T>,
}

/// A `list` shape.
#[derive(Debug)]
pub struct List {
    pub member: ShapeId,
    pub length: Length,
}

/// A `map` shape.
#[derive(Debug)]
pub struct MapShape {
    pub key: ShapeId,
    pub value: ShapeId,
    pub length: Length,
}

/// A `string` shape.
#[derive(Debug)]
pub struct StringShape {
    pub length: Length,
    pub pattern: Option<Pattern>,
    /// Allowed values in model order (as AWS lists them), and the same as a set for lookups.
    pub enum_values: Option<Vec<String>>,
    enum_set: HashSet<String>,
}

impl StringShape {
    /// Whether `value` is allowed by the enum (always true when the shape has no enum).
    pub fn enum_allows(&self, value: &str) -> bool {
        self.enum_values.is_none() || self.enum_set.contains(value)
    }
}

impl Model {
    /// Parses the fixture text (see `scripts/gen_model_slice.py`).
    pub fn from_json(text: &str) -> Result<Model, String> {
        let root: Value = serde_json::from_str(text).map_err(|e| format!("fixture: {e}"))?;
        let header = root
            .get("_generated")
            .and_then(Value::as_str)
            .ok_or("fixture: no _generated header")?;
        let botocore_version = header
            .split("botocore==")
            .nth(1)
            .and_then(|rest| rest.split_whitespace().next())
            .map(|v| v.trim_end_matches([';', ',']).to_string())
            .ok_or("fixture: _generated header names no botocore version")?;
        let raw_shapes = object(&root, "shapes", "fixture")?;
        let by_name: HashMap<String, ShapeId> = raw_shapes
            .keys()
            .enumerate()
            .map(|(id, name)| (name.clone(), id))
            .collect();
        let shapes = raw_shapes
            .iter()
            .map(|(name, raw)| parse_shape(name, raw, &by_name))
            .collect::<Result<Vec<_>, _>>()?;
        let mut operations = BTreeMap::new();
        for (name, raw) in object(&root, "operations", "fixture")? {
            let target = |key: &str| -> Result<Option<ShapeId>, String> {
                match raw.get(key) {
                    None => Ok(None),
                    Some(r) => shape_ref(r, &by_name, name).map(Some),
                }
            };
            let errors = match raw.get("errors") {
                None => Vec::new(),
                Some(Value::Array(refs)) => refs
                    .iter()
                    .map(|r| shape_ref(r, &by_name, name))
                    .collect::<Result<_, _>>()?,
                Some(_) => return Err(format!("operation {name}: errors is not a list")),
            };
            let operation = Operation {
                name: name.clone(),
                input: target("input")?,
                output: target("output")?,
                errors,
            };
            operations.insert(name.clone(), operation);
        }
        Ok(Model {
            botocore_version,
            shapes,
            by_name,
            operations,
        })
    }

    /// The botocore release the slice was cut from.
    pub fn botocore_version(&self) -> &str {
        &self.botocore_version
    }

    /// All shapes, indexed by [`ShapeId`].
    pub fn shapes(&self) -> &[Shape] {
        &self.shapes
    }

    /// The shape with this id. Ids come from this model, so this never fails for them.
    pub fn get(&self, id: ShapeId) -> Option<&Shape> {
        self.shapes.get(id)
    }

    /// The shape with this model name.
    pub fn shape(&self, name: &str) -> Option<&Shape> {
        self.by_name.get(name).and_then(|&id| self.shapes.get(id))
    }

    /// The id of the shape with this model name.
    pub fn shape_id(&self, name: &str) -> Option<ShapeId> {
        self.by_name.get(name).copied()
    }

    /// The operation with this name.
    pub fn operation(&self, name: &str) -> Option<&Operation> {
        self.operations.get(name)
    }

    /// All operations, sorted by name.
    pub fn operations(&self) -> impl Iterator<Item = &Operation> {
        self.operations.values()
    }
}

fn object<'a>(v: &'a Value, key: &str, context: &str) -> Result<&'a Map<String, Value>, String> {
    v.get(key)
        .and_then(Value::as_object)
        .ok_or_else(|| format!("{context}: {key} is not an object"))
}

fn shape_ref(
    r: &Value,
    by_name: &HashMap<String, ShapeId>,
    context: &str,
) -> Result<ShapeId, String> {
    let name = r
        .get("shape")
        .and_then(Value::as_str)
        .ok_or_else(|| format!("{context}: shape reference without a shape name"))?;
    by_name
        .get(name)
        .copied()
        .ok_or_else(|| format!("{context}: unknown shape {name}"))
}

fn length(raw: &Value, name: &str) -> Result<Length, String> {
    let bound = |key: &str| -> Result<Option<u64>, String> {
        match raw.get(key) {
            None => Ok(None),
            Some(v) => v
                .as_u64()
                .map(Some)
                .ok_or_else(|| format!("shape {name}: {key} is not a length")),
        }
    };
    Ok(Length {
        min: bound("min")?,
        max: bound("max")?,
    })
}

fn int_range(raw: &Value, name: &str) -> Result<Range<i64>, String> {
    let bound = |key: &str| -> Result<Option<i64>, String> {
        match raw.get(key) {
            None => Ok(None),
            Some(v) => v
                .as_i64()
                .map(Some)
                .ok_or_else(|| format!("shape {name}: {key} is not an integer")),
        }
    };
    Ok(Range {
        min: bound("min")?,
        max: bound("max")?,
    })
}

fn float_range(raw: &Value, name: &str) -> Result<Range<f64>, String> {
    let bound = |key: &str| -> Result<Option<f64>, String> {
        match raw.get(key) {
            None => Ok(None),
            Some(v) => v
                .as_f64()
                .map(Some)
                .ok_or_else(|| format!("shape {name}: {key} is not a number")),
        }
    };
    Ok(Range {
        min: bound("min")?,
        max: bound("max")?,
    })
}

/// `DomainName` → `domainName`: how AWS names members in validation paths.
pub fn lower_camel(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn parse_shape(
    name: &str,
    raw: &Value,
    by_name: &HashMap<String, ShapeId>,
) -> Result<Shape, String> {
    let kind_name = raw
        .get("type")
        .and_then(Value::as_str)
        .ok_or_else(|| format!("shape {name}: no type"))?;
    let kind = match kind_name {
        "structure" => {
            let required: HashSet<&str> = match raw.get("required") {
                None => HashSet::new(),
                Some(Value::Array(names)) => names.iter().filter_map(Value::as_str).collect(),
                Some(_) => return Err(format!("shape {name}: required is not a list")),
            };
            let members = match raw.get("members") {
                None => Vec::new(),
                Some(Value::Object(members)) => members
                    .iter()
                    .map(|(member, r)| {
                        Ok(Member {
                            name: member.clone(),
                            path_name: lower_camel(member),
                            shape: shape_ref(r, by_name, name)?,
                            required: required.contains(member.as_str()),
                        })
                    })
                    .collect::<Result<Vec<_>, String>>()?,
                Some(_) => return Err(format!("shape {name}: members is not an object")),
            };
            if let Some(missing) = required
                .iter()
                .find(|r| !members.iter().any(|m| m.name == **r))
            {
                return Err(format!(
                    "shape {name}: required member {missing} is not a member"
                ));
            }
            Kind::Structure(Structure {
                members,
                union: raw.get("union").and_then(Value::as_bool).unwrap_or(false),
                exception: raw
                    .get("exception")
                    .and_then(Value::as_bool)
                    .unwrap_or(false),
            })
        }
        "list" => Kind::List(List {
            member: shape_ref(raw.get("member").unwrap_or(&Value::Null), by_name, name)?,
            length: length(raw, name)?,
        }),
        "map" => Kind::Map(MapShape {
            key: shape_ref(raw.get("key").unwrap_or(&Value::Null), by_name, name)?,
            value: shape_ref(raw.get("value").unwrap_or(&Value::Null), by_name, name)?,
            length: length(raw, name)?,
        }),
        "string" => {
            let pattern = match raw.get("pattern") {
                None => None,
                Some(Value::String(p)) => Some(Pattern::compile(p)?),
                Some(_) => return Err(format!("shape {name}: pattern is not a string")),
            };
            let enum_values: Option<Vec<String>> = match raw.get("enum") {
                None => None,
                Some(Value::Array(values)) => Some(
                    values
                        .iter()
                        .map(|v| {
                            v.as_str()
                                .map(str::to_string)
                                .ok_or_else(|| format!("shape {name}: enum value not a string"))
                        })
                        .collect::<Result<_, _>>()?,
                ),
                Some(_) => return Err(format!("shape {name}: enum is not a list")),
            };
            let enum_set = enum_values.iter().flatten().cloned().collect();
            Kind::String(StringShape {
                length: length(raw, name)?,
                pattern,
                enum_values,
                enum_set,
            })
        }
        "integer" => Kind::Integer(int_range(raw, name)?),
        "long" => Kind::Long(int_range(raw, name)?),
        "float" => Kind::Float(float_range(raw, name)?),
        "double" => Kind::Double(float_range(raw, name)?),
        "boolean" => Kind::Boolean,
        "timestamp" => Kind::Timestamp {
            epoch_seconds: matches!(
                raw.get("timestampFormat").and_then(Value::as_str),
                None | Some("unixTimestamp")
            ),
        },
        "blob" => Kind::Blob(length(raw, name)?),
        other => return Err(format!("shape {name}: unsupported type {other}")),
    };
    Ok(Shape {
        name: name.to_string(),
        kind,
    })
}
