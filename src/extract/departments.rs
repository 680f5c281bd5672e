//! SKELETON: department names, abbreviations and their canonical forms.
