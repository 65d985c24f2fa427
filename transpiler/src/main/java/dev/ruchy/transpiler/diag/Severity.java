package dev.ruchy.transpiler.diag;

/** How bad a diagnostic is; only errors stop a build. */
public enum Severity {
    ERROR("error"),
    WARNING("warning"),
    NOTE("note");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    /** The word printed before the code, as rustc and javac print it. */
    public String label() {
        return label;
    }
}
