# Recipes are plain commands; README lists what each does.

run *ARGS:
    cargo run --release -p sagemaker-studio-emulator -- {{ARGS}}

test:
    scripts/test

lint:
    cargo fmt --all -- --check
    cargo clippy --workspace --all-targets -- -D warnings

bench *ARGS:
    scripts/bench {{ARGS}}
