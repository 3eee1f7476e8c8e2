//! The packs in `patterns/`, embedded in the binary.

/// `(file name, contents)` of every built-in pack.
pub const BUILTIN: &[(&str, &str)] = &[
    ("en-casino.toml", include_str!("../../patterns/en-casino.toml")),
    ("en-loan.toml", include_str!("../../patterns/en-loan.toml")),
    ("en-pharma.toml", include_str!("../../patterns/en-pharma.toml")),
    ("id-gambling.toml", include_str!("../../patterns/id-gambling.toml")),
    ("ja-counterfeit.toml", include_str!("../../patterns/ja-counterfeit.toml")),
    ("ko-gambling.toml", include_str!("../../patterns/ko-gambling.toml")),
    ("mul-contact.toml", include_str!("../../patterns/mul-contact.toml")),
    ("ru-casino.toml", include_str!("../../patterns/ru-casino.toml")),
    ("ru-diploma.toml", include_str!("../../patterns/ru-diploma.toml")),
    ("ru-loan.toml", include_str!("../../patterns/ru-loan.toml")),
    ("zh-escort.toml", include_str!("../../patterns/zh-escort.toml")),
    ("zh-gambling.toml", include_str!("../../patterns/zh-gambling.toml")),
];

#[cfg(test)]
mod tests {
    /// The embedded list names exactly the `.toml` files of `patterns/`.
    #[test]
    fn list_matches_directory() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/patterns");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".toml"))
            .collect();
        on_disk.sort();
        let listed: Vec<String> = super::BUILTIN.iter().map(|(n, _)| n.to_string()).collect();
        assert_eq!(listed, on_disk);
    }
}
