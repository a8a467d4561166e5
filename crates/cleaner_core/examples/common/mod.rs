//! What the examples share: the pages of the folders named on the command line.

/// Every file in the folders given as arguments, read as UTF-8 (invalid bytes replaced).
pub fn pages_from_args() -> Vec<String> {
    let mut texts = Vec::new();
    for dir in std::env::args().skip(1) {
        for entry in std::fs::read_dir(dir).expect("a folder") {
            let bytes = std::fs::read(entry.expect("an entry").path()).expect("a file");
            texts.push(String::from_utf8_lossy(&bytes).into_owned());
        }
    }
    texts
}
