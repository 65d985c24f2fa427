/**
 * What generated Java calls at run time: Ruchy values, printing and string conversion, errors,
 * operators and method dispatch on dynamic values ({@link dev.ruchy.runtime.Ops}), the builtin
 * functions ({@link dev.ruchy.runtime.Builtins}), closures ({@link dev.ruchy.runtime.Fn1} and its
 * siblings, {@link dev.ruchy.runtime.Cell}), JSON and files.
 *
 * <p>Value representation (details and decisions in {@code docs/runtime.md}):
 * <table>
 *   <caption>Ruchy values in Java</caption>
 *   <tr><th>Ruchy</th><th>Java</th></tr>
 *   <tr><td>integer</td><td>{@code long} / {@code Long}</td></tr>
 *   <tr><td>float</td><td>{@code double} / {@code Double}</td></tr>
 *   <tr><td>boolean</td><td>{@code boolean} / {@code Boolean}</td></tr>
 *   <tr><td>string</td><td>{@code String} (a char is a one-character string)</td></tr>
 *   <tr><td>nil</td><td>{@code null}</td></tr>
 *   <tr><td>array</td><td>a mutable {@code java.util.List<Object>} (usually {@code ArrayList}), shared by reference</td></tr>
 *   <tr><td>object / map</td><td>{@link dev.ruchy.runtime.RObject}, shared by reference, thread-safe</td></tr>
 *   <tr><td>tuple</td><td>{@link dev.ruchy.runtime.Tuple}</td></tr>
 *   <tr><td>{@code Some}/{@code None}, {@code Ok}/{@code Err}</td><td>{@link dev.ruchy.runtime.Option}, {@link dev.ruchy.runtime.Result}</td></tr>
 *   <tr><td>range</td><td>{@link dev.ruchy.runtime.Range}</td></tr>
 *   <tr><td>atom {@code :ok}</td><td>{@link dev.ruchy.runtime.Atom}</td></tr>
 *   <tr><td>struct</td><td>a generated record, or a class implementing {@link dev.ruchy.runtime.RuchyStruct}</td></tr>
 *   <tr><td>enum variant</td><td>a record in a generated sealed interface extending {@link dev.ruchy.runtime.RuchyEnum}, or a Java enum constant</td></tr>
 *   <tr><td>function</td><td>{@link dev.ruchy.runtime.Fn0}…{@link dev.ruchy.runtime.Fn4}, {@link dev.ruchy.runtime.FnN} (a lambda)</td></tr>
 *   <tr><td>error, {@code throw v}</td><td>{@link dev.ruchy.runtime.RuchyError}</td></tr>
 * </table>
 *
 * <p>Printing: {@link dev.ruchy.runtime.Fmt} is the one formatter (Display, f-string interpolation,
 * format specs, float forms); {@link dev.ruchy.runtime.Console} writes {@code println}/{@code print}/{@code dbg}.
 * Every method taking {@code Object} accepts any Ruchy value and reports a wrong kind as a
 * {@link dev.ruchy.runtime.RuchyError} with the message of ruchy-semantics §6.2.
 * Section numbers such as "§2.2" in this package's documentation refer to {@code ruchy-semantics.md}.
 */
package dev.ruchy.runtime;
