//! SKELETON: numbers in Chinese text (Arabic, Chinese numerals, units, qualifiers).
