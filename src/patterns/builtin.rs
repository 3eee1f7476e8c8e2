//! The packs in `patterns/`, embedded in the binary.

/// `(file name, contents)` of every built-in pack.
pub const BUILTIN: &[(&str, &str)] = &[
    ("ar-gambling.toml", include_str!("../../patterns/ar-gambling.toml")),
    ("da-counterfeit.toml", include_str!("../../patterns/da-counterfeit.toml")),
    ("en-airdrop.toml", include_str!("../../patterns/en-airdrop.toml")),
    ("en-casino.toml", include_str!("../../patterns/en-casino.toml")),
    ("en-crypto-recovery.toml", include_str!("../../patterns/en-crypto-recovery.toml")),
    ("en-escort-topic.toml", include_str!("../../patterns/en-escort-topic.toml")),
    ("en-escort.toml", include_str!("../../patterns/en-escort.toml")),
    ("en-investment.toml", include_str!("../../patterns/en-investment.toml")),
    ("en-job-offer.toml", include_str!("../../patterns/en-job-offer.toml")),
    ("en-loan.toml", include_str!("../../patterns/en-loan.toml")),
    ("en-pharma.toml", include_str!("../../patterns/en-pharma.toml")),
    ("en-satta.toml", include_str!("../../patterns/en-satta.toml")),
    ("en-scam-contact.toml", include_str!("../../patterns/en-scam-contact.toml")),
    ("en-scam-topic.toml", include_str!("../../patterns/en-scam-topic.toml")),
    ("es-counterfeit.toml", include_str!("../../patterns/es-counterfeit.toml")),
    ("es-gambling.toml", include_str!("../../patterns/es-gambling.toml")),
    ("hi-gambling.toml", include_str!("../../patterns/hi-gambling.toml")),
    ("id-gambling.toml", include_str!("../../patterns/id-gambling.toml")),
    ("id-slot.toml", include_str!("../../patterns/id-slot.toml")),
    ("ja-counterfeit.toml", include_str!("../../patterns/ja-counterfeit.toml")),
    ("ko-gambling.toml", include_str!("../../patterns/ko-gambling.toml")),
    ("mul-contact.toml", include_str!("../../patterns/mul-contact.toml")),
    ("nb-counterfeit.toml", include_str!("../../patterns/nb-counterfeit.toml")),
    ("pt-counterfeit.toml", include_str!("../../patterns/pt-counterfeit.toml")),
    ("pt-gambling.toml", include_str!("../../patterns/pt-gambling.toml")),
    ("ru-adult.toml", include_str!("../../patterns/ru-adult.toml")),
    ("ru-betting.toml", include_str!("../../patterns/ru-betting.toml")),
    ("ru-casino-bonus.toml", include_str!("../../patterns/ru-casino-bonus.toml")),
    ("ru-casino.toml", include_str!("../../patterns/ru-casino.toml")),
    ("ru-counterfeit.toml", include_str!("../../patterns/ru-counterfeit.toml")),
    ("ru-diploma.toml", include_str!("../../patterns/ru-diploma.toml")),
    ("ru-documents.toml", include_str!("../../patterns/ru-documents.toml")),
    ("ru-earn.toml", include_str!("../../patterns/ru-earn.toml")),
    ("ru-loan.toml", include_str!("../../patterns/ru-loan.toml")),
    ("ru-tg-contact.toml", include_str!("../../patterns/ru-tg-contact.toml")),
    ("sv-counterfeit.toml", include_str!("../../patterns/sv-counterfeit.toml")),
    ("th-gambling.toml", include_str!("../../patterns/th-gambling.toml")),
    ("tr-gambling.toml", include_str!("../../patterns/tr-gambling.toml")),
    ("vi-gambling.toml", include_str!("../../patterns/vi-gambling.toml")),
    ("zh-escort.toml", include_str!("../../patterns/zh-escort.toml")),
    ("zh-fapiao.toml", include_str!("../../patterns/zh-fapiao.toml")),
    ("zh-gambling-platforms.toml", include_str!("../../patterns/zh-gambling-platforms.toml")),
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
