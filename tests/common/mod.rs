//! What the integration tests on the sample article share: running the
//! built binary's JSON export on it.

use serde_json::Value;
use std::process::Command;

/// The sample article bundled in `seeds/`.
pub const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/seeds/000_ba66651861ff847c.txt"
);

/// `gloss --json` on the sample article, parsed.
pub fn sample_export() -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(["--json", SAMPLE])
        .output()
        .expect("run gloss --json on the sample");
    assert!(
        out.status.success(),
        "gloss failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("gloss --json prints JSON")
}
