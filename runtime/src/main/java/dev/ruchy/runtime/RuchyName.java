package dev.ruchy.runtime;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The Ruchy name of a Java element whose Java name differs from it: a generated struct, a record
 * component, a field, a method. The transpiler renames ({@code user_name} → {@code userName},
 * {@code default} → {@code default_}, {@code notify} → {@code notify_}) and writes this annotation
 * wherever it did, e.g. {@code record User(@RuchyName("user_name") String userName)}; the runtime reads
 * it and never re-derives the renaming.
 *
 * <ul>
 *   <li>On a type: the struct name printed ({@code User {...}}) and shown in errors.</li>
 *   <li>On a record component (which Java copies to its field and accessor) or a field: the field
 *       name printed, Debug-dumped and read or written dynamically ({@code obj.user_name}).</li>
 *   <li>On a method: the name dynamic calls use ({@code obj.notify()} finds
 *       {@code @RuchyName("notify") notify_()}). On an interface method it names every
 *       implementation too, as the runtime's own service objects use it
 *       ({@code @RuchyName("read_line") String readLine()}).</li>
 * </ul>
 *
 * A member without the annotation is known to Ruchy code by its Java name.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD})
public @interface RuchyName {
    /** The name as written in the Ruchy source, e.g. {@code "user_name"}. */
    String value();
}
