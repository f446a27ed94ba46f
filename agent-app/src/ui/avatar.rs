//! What an avatar shows: a person's initials (the circle around them is CSS).

/// Up to two letters for an avatar: "Ana Ruiz" → "AR", "Visitor 12EF" → "V1".
pub fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|word| word.chars().next())
        .take(2)
        .collect::<String>()
        .to_uppercase()
}
