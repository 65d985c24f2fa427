/** What the phases share: the static types, the symbols names resolve to, and the catalog of the runtime's API (builtins, paths, methods, the types generated Java names), read from a resource. */
package dev.ruchy.transpiler.code;
