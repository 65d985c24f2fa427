import dev.ruchy.runtime.Builtins;
import dev.ruchy.runtime.Fmt;
import dev.ruchy.runtime.Ops;
import dev.ruchy.runtime.RObject;
import dev.ruchy.runtime.RuchyError;
import dev.ruchy.runtime.RuchyName;
import dev.ruchy.runtime.RuchyStruct;
import java.util.Map;

/**
 * Generated from struct_ruchy_names.ruchy.
 */
public final class StructRuchyNames {
    private StructRuchyNames() {
    }

    static Object ring(Object o) {
        return Ops.invoke(o, "notify");
    }

    static String show(Object o) {
        return (String) Ops.invoke(o, "to_string");
    }

    static Object nameOf(Object o) {
        return Ops.field(o, "user_name");
    }

    static void rename(Object o, String name) {
        Ops.setField(o, "user_name", name);
    }

    public static void main(String[] args) {
        Builtins.println(ring(new Bell(41L))); // expect: 41
        Builtins.println(ring(new Horn(41L))); // expect: 82
        Builtins.println(show(new Bell(1L))); // expect: bell 1
        Builtins.println(show(new Horn(1L))); // expect: Horn {x: 1}
        Builtins.println(new Bell(2L).toString_()); // expect: bell 2
        var u = new User("x", 1L);
        Builtins.println(u); // expect: User {default: 1, user_name: "x"}
        Builtins.println(nameOf(u)); // expect: x
        Builtins.println(nameOf(new Admin("root"))); // expect: root
        // to_json of a struct is an error (as in the interpreter); its message names the Ruchy fields
        Object j;
        try {
            j = Builtins.toJson(u);
        } catch (RuchyError error) {
            Object e = error.caught();
            j = Ops.field(e, "message");
        }
        Builtins.println(j); // expect: Cannot convert Struct { name: "User", fields: {"default": Integer(1), "user_name": String("x")} } to JSON
        var login = new Login("ann", 0L);
        var guest = new Guest("anon");
        guest.userName = "guest";
        rename(login, "bo");
        rename(guest, "visitor");
        login.default_ = 3L;
        Builtins.println(login); // expect: Login {default: 3, user_name: "bo"}
        Builtins.println(nameOf(guest)); // expect: visitor
    }

    /**
     * Java renames some Ruchy names (user_name -> userName, default -> default_, notify -> notify_);
     * output and dynamic access must still use the Ruchy names. The helpers below take values of
     * several struct types, so their parameters are dynamic.
     */
    static record Bell(long x) {
        @Override
        public String toString() {
            return Fmt.display(this);
        }

        @RuchyName("notify")
        public long notify_() {
            return this.x;
        }

        @RuchyName("to_string")
        public String toString_() {
            return "bell " + this.x;
        }
    }

    static record Horn(long x) {
        @Override
        public String toString() {
            return Fmt.display(this);
        }

        @RuchyName("notify")
        public long notify_() {
            return this.x * 2;
        }
    }

    static final class User implements RuchyStruct {
        @RuchyName("user_name")
        public String userName;

        @RuchyName("default")
        public long default_;

        User(String userName, long default_) {
            this.userName = userName;
            this.default_ = default_;
        }

        @Override
        public Map<String, Object> fields() {
            return RObject.of("user_name", userName, "default", default_).snapshot();
        }

        @Override
        public String toString() {
            return Fmt.display(this);
        }
    }

    static final class Admin implements RuchyStruct {
        @RuchyName("user_name")
        public String userName;

        Admin(String userName) {
            this.userName = userName;
        }

        @Override
        public Map<String, Object> fields() {
            return RObject.of("user_name", userName).snapshot();
        }

        @Override
        public String toString() {
            return Fmt.display(this);
        }
    }

    static final class Login implements RuchyStruct {
        @RuchyName("user_name")
        public String userName;

        @RuchyName("default")
        public long default_;

        Login(String userName, long default_) {
            this.userName = userName;
            this.default_ = default_;
        }

        @Override
        public Map<String, Object> fields() {
            return RObject.of("user_name", userName, "default", default_).snapshot();
        }

        @Override
        public String toString() {
            return Fmt.display(this);
        }
    }

    static final class Guest implements RuchyStruct {
        @RuchyName("user_name")
        public String userName;

        Guest(String userName) {
            this.userName = userName;
        }

        @Override
        public Map<String, Object> fields() {
            return RObject.of("user_name", userName).snapshot();
        }

        @Override
        public String toString() {
            return Fmt.display(this);
        }
    }
}
