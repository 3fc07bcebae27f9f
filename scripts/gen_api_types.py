#!/usr/bin/env python3
"""Generate emulator/src/model/api.rs, the typed inputs and outputs of the served operations,
from fixtures/sagemaker-model-slice.json.

Every structure of the slice becomes a Rust struct with serde's names equal to the model's
member names; every string enum becomes a Rust enum; lists, maps and scalars map onto Vec,
BTreeMap, String, i32, i64, bool and epoch seconds (f64). A member the model marks required
is a plain field in an operation's input and in a nested structure (the validator has
already refused a request without it); every other member is an `Option`. One unit type per
operation ties its name to its input and output (`Operation`), so the dispatch table cannot
pair a handler with the wrong shapes.

Usage:
    python3 scripts/gen_api_types.py            # (re)write the Rust file
    python3 scripts/gen_api_types.py --check    # exit 1 if the committed file is stale

Standard library only. The output is rustfmt-clean, so `cargo fmt --check` agrees with it.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import re
import subprocess
import sys

REPO_ROOT = pathlib.Path(__file__).resolve().parent.parent
SLICE = REPO_ROOT / "fixtures" / "sagemaker-model-slice.json"
OUTPUT = REPO_ROOT / "emulator" / "src" / "model" / "api.rs"

RUST_KEYWORDS = {
    "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn", "for",
    "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return",
    "self", "static", "struct", "super", "trait", "true", "type", "unsafe", "use", "where",
    "while", "async", "await", "dyn", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "typeof", "unsized", "virtual", "yield", "try",
}


def snake(name: str) -> str:
    """PascalCase member name to a snake_case field (acronyms kept together: `AutoMountHomeEFS`
    is `auto_mount_home_efs`, `IPAddressType` is `ip_address_type`)."""
    s = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name)
    s = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", s)
    s = s.lower()
    return f"r#{s}" if s in RUST_KEYWORDS else s


def variant(value: str) -> str:
    """An enum value to a Rust variant name (`ml.t3.medium` is `MlT3Medium`, `ENABLED` is
    `Enabled`, `Delete_Failed` is `DeleteFailed`)."""
    parts = [p for p in re.split(r"[^A-Za-z0-9]+", value) if p]
    out = []
    for part in parts:
        if part.isupper() and len(part) > 1:
            part = part.lower()
        out.append(part[0].upper() + part[1:])
    ident = "".join(out) or "Empty"
    if ident[0].isdigit():
        ident = "V" + ident
    return ident


class Generator:
    def __init__(self, model: dict):
        self.model = model
        self.shapes = model["shapes"]
        self.input_shapes = {
            op["input"]["shape"] for op in model["operations"].values() if "input" in op
        }

    def is_enum(self, name: str) -> bool:
        shape = self.shapes[name]
        return shape["type"] == "string" and "enum" in shape

    def rust_type(self, name: str) -> str:
        shape = self.shapes[name]
        kind = shape["type"]
        if kind == "string":
            return name if "enum" in shape else "String"
        if kind == "integer":
            return "i32"
        if kind == "long":
            return "i64"
        if kind == "boolean":
            return "bool"
        if kind == "timestamp":
            return "EpochSeconds"
        if kind == "list":
            return f"Vec<{self.rust_type(shape['member']['shape'])}>"
        if kind == "map":
            key = self.rust_type(shape["key"]["shape"])
            value = self.rust_type(shape["value"]["shape"])
            return f"BTreeMap<{key}, {value}>"
        if kind == "structure":
            return name
        raise SystemExit(f"shape {name}: type {kind} is not mapped")

    def reaches(self, start: str, target: str, seen: set[str]) -> bool:
        """Whether structure `start` holds `target` by value (not through a Vec or a map)."""
        shape = self.shapes[start]
        if shape["type"] != "structure":
            return False
        for member in shape["members"].values():
            inner = member["shape"]
            if self.shapes[inner]["type"] != "structure":
                continue
            if inner == target:
                return True
            if inner not in seen:
                seen.add(inner)
                if self.reaches(inner, target, seen):
                    return True
        return False

    def has_default(self, name: str, seen: set[str] | None = None) -> bool:
        """Whether the type of shape `name` implements Default (enums do not)."""
        seen = seen or set()
        shape = self.shapes[name]
        if shape["type"] == "string":
            return "enum" not in shape
        if shape["type"] != "structure":
            return True
        if name in seen:
            return True
        seen.add(name)
        required = set(shape.get("required", []))
        return all(
            self.has_default(member["shape"], seen)
            for member_name, member in shape["members"].items()
            if member_name in required
        )

    def generate(self) -> str:
        out: list[str] = []
        w = out.append
        w("//! The typed inputs and outputs of the served operations, generated from")
        w("//! `fixtures/sagemaker-model-slice.json` by `scripts/gen_api_types.py` (never edited by hand;")
        w("//! `scripts/test` checks it is fresh).")
        w("//!")
        w("//! Each structure of the model is a struct whose serde names are the model's member names; each")
        w("//! string enum is an enum. A member the model marks required is a plain field (the validator")
        w("//! refuses a request without it before anything is deserialized); every other member is an")
        w("//! `Option`, left out of the JSON when `None`. Timestamps are epoch seconds, as awsJson1.1")
        w("//! writes them. [`op`] holds one unit type per operation tying its name to its input and")
        w("//! output ([`Operation`]).")
        w("")
        w("use std::collections::BTreeMap;")
        w("")
        w("use serde::{Deserialize, Serialize};")
        w("")
        w("/// A point in time as awsJson1.1 writes it: seconds since the epoch, with a fraction.")
        w("pub type EpochSeconds = f64;")
        w("")
        w("/// A served operation: its name and the types of its input and output.")
        w("pub trait Operation {")
        w("    /// The `X-Amz-Target` operation name.")
        w("    const NAME: &'static str;")
        w("    /// The request body.")
        w("    type Input: serde::de::DeserializeOwned;")
        w("    /// The response body.")
        w("    type Output: Serialize;")
        w("}")
        w("")
        w("/// A string enum of the model: its values as they travel.")
        w("pub trait WireEnum: Sized + Copy + 'static {")
        w("    /// Every value, in the model's order.")
        w("    const VALUES: &'static [Self];")
        w("    /// The value as it travels.")
        w("    fn as_str(self) -> &'static str;")
        w("    /// The variant for a value as it travels.")
        w("    fn from_wire(value: &str) -> Option<Self> {")
        w("        Self::VALUES.iter().copied().find(|v| v.as_str() == value)")
        w("    }")
        w("}")
        w("")
        w("/// The input of a List operation: its paging members (a NextToken is bound to the other")
        w("/// members, so the pager also fingerprints the whole input).")
        w("pub trait Paged: Serialize {")
        w("    /// `NextToken`, if given.")
        w("    fn next_token(&self) -> Option<&str>;")
        w("    /// `MaxResults`, if given.")
        w("    fn max_results(&self) -> Option<i32>;")
        w("}")
        w("")
        w("/// The output of an operation whose model names no output shape: `{}` on the wire.")
        w("#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]")
        w("pub struct Empty {}")
        w("")

        for name in sorted(self.shapes):
            shape = self.shapes[name]
            if shape.get("exception"):
                continue
            if self.is_enum(name):
                self.enum(w, name, shape)
            elif shape["type"] == "structure":
                self.structure(w, name, shape)

        w("/// One unit type per served operation (see [`Operation`]).")
        w("pub mod op {")
        w("    use super::*;")
        for op_name in sorted(self.model["operations"]):
            op = self.model["operations"][op_name]
            input_type = op["input"]["shape"] if "input" in op else "Empty"
            output_type = op["output"]["shape"] if "output" in op else "Empty"
            w("")
            w(f"    /// `{op_name}`.")
            w("    #[derive(Debug, Clone, Copy)]")
            w(f"    pub struct {op_name};")
            w("")
            w(f"    impl Operation for {op_name} {{")
            w(f'        const NAME: &\'static str = "{op_name}";')
            w(f"        type Input = {input_type};")
            w(f"        type Output = {output_type};")
            w("    }")
        w("}")
        return "\n".join(out) + "\n"

    def enum(self, w, name: str, shape: dict) -> None:
        values = shape["enum"]
        variants = []
        seen: dict[str, str] = {}
        for value in values:
            ident = variant(value)
            if ident in seen:
                raise SystemExit(f"enum {name}: {value!r} and {seen[ident]!r} both map to {ident}")
            seen[ident] = value
            variants.append((ident, value))
        w(f"/// `{name}` of the model.")
        w("#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]")
        w(f"pub enum {name} {{")
        for ident, value in variants:
            w(f'    #[serde(rename = "{value}")]')
            w(f"    {ident},")
        w("}")
        w("")
        w(f"impl WireEnum for {name} {{")
        if len(variants) > 4:
            w("    const VALUES: &'static [Self] = &[")
            for ident, _ in variants:
                w(f"        {name}::{ident},")
            w("    ];")
        else:
            joined = ", ".join(f"{name}::{ident}" for ident, _ in variants)
            line = f"    const VALUES: &'static [Self] = &[{joined}];"
            if len(line) <= 100:
                w(line)
            else:
                w("    const VALUES: &'static [Self] = &[")
                for ident, _ in variants:
                    w(f"        {name}::{ident},")
                w("    ];")
        w("")
        w("    fn as_str(self) -> &'static str {")
        w("        match self {")
        for ident, value in variants:
            w(f'            {name}::{ident} => "{value}",')
        w("        }")
        w("    }")
        w("}")
        w("")

    def structure(self, w, name: str, shape: dict) -> None:
        required = set(shape.get("required", []))
        derives = ["Debug", "Clone"]
        if self.has_default(name):
            derives.append("Default")
        derives += ["PartialEq", "Serialize", "Deserialize"]
        doc = f"/// `{name}` of the model"
        if shape.get("union"):
            doc += " (a union: exactly one member is set)"
        w(doc + ".")
        w(f"#[derive({', '.join(derives)})]")
        w(f"pub struct {name} {{")
        fields = []
        for member_name, member in shape["members"].items():
            field = snake(member_name)
            ty = self.rust_type(member["shape"])
            if self.shapes[member["shape"]]["type"] == "structure" and self.reaches(
                member["shape"], name, set()
            ):
                ty = f"Box<{ty}>"
            if member["shape"] == name:
                ty = f"Box<{ty}>"
            fields.append(field)
            if member_name in required:
                w(f'    #[serde(rename = "{member_name}")]')
                w(f"    pub {field}: {ty},")
            else:
                w(
                    f'    #[serde(rename = "{member_name}", default, skip_serializing_if = "Option::is_none")]'
                )
                w(f"    pub {field}: Option<{ty}>,")
        if len(set(fields)) != len(fields):
            raise SystemExit(f"structure {name}: two members map to one field name")
        w("}")
        w("")
        members = shape["members"]
        if "NextToken" in members and "MaxResults" in members and name in self.input_shapes:
            w(f"impl Paged for {name} {{")
            w("    fn next_token(&self) -> Option<&str> {")
            w("        self.next_token.as_deref()")
            w("    }")
            w("")
            w("    fn max_results(&self) -> Option<i32> {")
            w("        self.max_results")
            w("    }")
            w("}")
            w("")


def rustfmt(text: str) -> str:
    """The text as `rustfmt` (edition 2021) prints it, so `cargo fmt --check` agrees."""
    done = subprocess.run(
        ["rustfmt", "--edition", "2021", "--emit", "stdout", "--quiet"],
        input=text,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is stale")
    args = parser.parse_args()
    model = json.loads(SLICE.read_text())
    text = rustfmt(Generator(model).generate())
    if args.check:
        if not OUTPUT.exists() or OUTPUT.read_text() != text:
            print(
                f"{OUTPUT.relative_to(REPO_ROOT)} is stale: run python3 scripts/gen_api_types.py",
                file=sys.stderr,
            )
            return 1
        print(f"{OUTPUT.relative_to(REPO_ROOT)} is fresh")
        return 0
    OUTPUT.write_text(text)
    print(f"wrote {OUTPUT.relative_to(REPO_ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
