// Placeholder entry point; the verbs arrive with the CLI issue.
return 0;
