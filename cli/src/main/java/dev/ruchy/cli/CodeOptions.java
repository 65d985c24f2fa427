package dev.ruchy.cli;

import dev.ruchy.transpiler.TranspileOptions;
import picocli.CommandLine.Option;

/** Options that change the generated code, shared by {@code run} and {@code transpile}. */
final class CodeOptions {
    @Option(names = "--checked", description = "integer overflow is an error instead of wrapping around")
    boolean checked;

    TranspileOptions options() {
        return TranspileOptions.defaults().withCheckedArithmetic(checked);
    }
}
