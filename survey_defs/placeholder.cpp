// Placeholder until the library's first source lands; delete when adding real files.
