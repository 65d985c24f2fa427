package dev.ruchy.transpiler.interop;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.AnnotationDeclaration;
import com.github.javaparser.ast.body.AnnotationMemberDeclaration;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.CompactConstructorDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.IntersectionType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.ReferenceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.TypeParameter;
import com.github.javaparser.ast.type.UnionType;
import com.github.javaparser.ast.type.VoidType;
import com.github.javaparser.ast.type.WildcardType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The public signatures of a project's own Java sources ({@code src/main/java}), read with JavaParser
 * before they are compiled: a Ruchy file transpiled in {@code generate-sources} may call Java code of
 * the same module, whose classes do not exist yet.
 *
 * <p>The source roots are indexed on first use: each {@code .java} file by the package its
 * {@code package} declaration names and its file name, which is the name of its public top-level
 * class. A file is parsed the first time one of its classes is asked for. Type names in signatures
 * are resolved to binary names as javac would: type parameters in scope stay names; then member types
 * of the class and its enclosing classes, single-type imports, the file's own top-level types, the
 * package's other classes, on-demand ({@code *}) imports, {@code java.lang}; qualified names are split
 * into package and classes where a class is found. Classes not among the sources (a wildcard import of a
 * library package, a library's nested class) are looked up in the {@code fallback}, the class path.
 *
 * <p>Only public classes and their public members are described: an interface's members are public
 * unless private; an interface method without a body is abstract, a {@code default} or {@code static}
 * one is not. Records give their components' accessors and the canonical constructor (unless declared),
 * enums their constants as static final fields and {@code values()}/{@code valueOf(String)}, and a
 * class without constructors the implicit public one; a method's {@code throws} clause is kept. A file that does not parse has no classes (javac
 * reports it later). Thread-safe.
 */
public final class JavaSourceTypes implements JavaTypes {
    private final List<Path> roots;
    private final JavaTypes fallback;
    private final Charset encoding;
    private final ParserConfiguration configuration = new ParserConfiguration()
            .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_25)
            .setAttributeComments(false);

    /** Top-level class binary name to its file; built on first use. */
    private volatile Map<String, Path> index;
    /** Package to the simple names of its top-level classes. */
    private volatile Map<String, Set<String>> packages;
    private final Map<Path, Optional<CompilationUnit>> parsed = new ConcurrentHashMap<>();
    private final Map<String, Optional<JavaClass>> classes = new ConcurrentHashMap<>();

    /**
     * @param roots    source roots ({@code src/main/java}); missing ones are skipped
     * @param fallback where classes named by the sources but not among them are found (the class path
     *                 and the JDK), for wildcard imports and nested classes of libraries; may be
     *                 {@link JavaTypes#NONE}
     * @param encoding the sources' encoding
     */
    public JavaSourceTypes(List<Path> roots, JavaTypes fallback, Charset encoding) {
        this.roots = List.copyOf(roots);
        this.fallback = fallback;
        this.encoding = encoding;
    }

    /** As the main constructor, reading UTF-8. */
    public JavaSourceTypes(List<Path> roots, JavaTypes fallback) {
        this(roots, fallback, StandardCharsets.UTF_8);
    }

    @Override
    public Optional<JavaClass> find(String binaryName) {
        Optional<JavaClass> known = classes.get(binaryName);
        if (known != null) {
            return known;
        }
        Optional<JavaClass> found = load(binaryName);
        classes.putIfAbsent(binaryName, found);
        return found;
    }

    @Override
    public Set<String> classesIn(String packageName) {
        Set<String> names = packages().get(packageName);
        return names == null ? Set.of() : Collections.unmodifiableSet(names);
    }

    /**
     * The source file that declares {@code binaryName} (a top-level or nested class), if it is among
     * these sources; a build uses it to know which Ruchy files depend on which Java files.
     */
    public Optional<Path> fileOf(String binaryName) {
        int dollar = binaryName.indexOf('$');
        return Optional.ofNullable(index().get(dollar < 0 ? binaryName : binaryName.substring(0, dollar)));
    }

    // ---- the index --------------------------------------------------------------------------------

    private Map<String, Path> index() {
        Map<String, Path> i = index;
        if (i == null) {
            synchronized (this) {
                if (index == null) {
                    buildIndex();
                }
                i = index;
            }
        }
        return i;
    }

    private Map<String, Set<String>> packages() {
        index();
        return packages;
    }

    private void buildIndex() {
        Map<String, Path> byName = new LinkedHashMap<>();
        Map<String, Set<String>> byPackage = new LinkedHashMap<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(root)) {
                files = walk.filter(p -> p.getFileName().toString().endsWith(".java") && Files.isRegularFile(p))
                        .sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list the Java sources in " + root, e);
            }
            for (Path file : files) {
                String simple = file.getFileName().toString();
                simple = simple.substring(0, simple.length() - ".java".length());
                if (simple.equals("package-info") || simple.equals("module-info")) {
                    continue;
                }
                String pkg = packageOf(file);
                String name = pkg.isEmpty() ? simple : pkg + "." + simple;
                if (byName.putIfAbsent(name, file) == null) {
                    byPackage.computeIfAbsent(pkg, k -> new TreeSet<>()).add(simple);
                }
            }
        }
        packages = byPackage;
        index = byName;
    }

    /** The package a file declares, read from its text without parsing all of it. */
    private String packageOf(Path file) {
        String text;
        try {
            text = Files.readString(file, encoding);
        } catch (IOException | RuntimeException e) {
            return "";
        }
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\uFEFF') {
                i++;
            } else if (text.startsWith("//", i)) {
                int end = text.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (text.startsWith("package", i) && i + 7 < n && !Character.isJavaIdentifierPart(text.charAt(i + 7))) {
                int semi = text.indexOf(';', i);
                if (semi < 0) {
                    return "";
                }
                return text.substring(i + 7, semi).replaceAll("\\s+|/\\*.*?\\*/|//[^\n]*", "");
            } else {
                return "";
            }
        }
        return "";
    }

    // ---- parsing ----------------------------------------------------------------------------------

    private Optional<CompilationUnit> parse(Path file) {
        return parsed.computeIfAbsent(file, f -> {
            try {
                ParseResult<CompilationUnit> result = new JavaParser(configuration).parse(Files.readString(f, encoding));
                return result.isSuccessful() ? result.getResult() : Optional.empty();
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    private Optional<JavaClass> load(String binaryName) {
        String[] parts = binaryName.split("\\$", -1);
        Path file = index().get(parts[0]);
        if (file == null) {
            return Optional.empty();
        }
        Optional<CompilationUnit> unit = parse(file);
        if (unit.isEmpty()) {
            return Optional.empty();
        }
        String topSimple = parts[0].substring(parts[0].lastIndexOf('.') + 1);
        TypeDeclaration<?> type = null;
        for (TypeDeclaration<?> t : unit.get().getTypes()) {
            if (t.getNameAsString().equals(topSimple)) {
                type = t;
            }
        }
        if (type == null || !type.isPublic()) {
            return Optional.empty();
        }
        for (int i = 1; i < parts.length; i++) {
            TypeDeclaration<?> member = memberType(type, parts[i]);
            if (member == null || !isPublicMember(member, type)) {
                return Optional.empty();
            }
            type = member;
        }
        return Optional.of(describe(type, binaryName, new Context(unit.get(), this)));
    }

    private static TypeDeclaration<?> memberType(TypeDeclaration<?> owner, String simple) {
        for (BodyDeclaration<?> m : owner.getMembers()) {
            if (m instanceof TypeDeclaration<?> t && t.getNameAsString().equals(simple)) {
                return t;
            }
        }
        return null;
    }

    /** Public, or a member of an interface or annotation (public unless private). */
    private static boolean isPublicMember(Node member, TypeDeclaration<?> owner) {
        boolean inInterface = owner instanceof ClassOrInterfaceDeclaration c && c.isInterface()
                || owner instanceof AnnotationDeclaration;
        if (member instanceof com.github.javaparser.ast.nodeTypes.modifiers.NodeWithPublicModifier<?> p && p.isPublic()) {
            return true;
        }
        return inInterface && !(member instanceof com.github.javaparser.ast.nodeTypes.modifiers.NodeWithPrivateModifier<?> p
                && p.isPrivate());
    }

    // ---- describing a class -----------------------------------------------------------------------

    private JavaClass describe(TypeDeclaration<?> type, String binaryName, Context cx) {
        JavaClass.Kind kind;
        List<String> typeParameters = new ArrayList<>();
        String superclass = null;
        List<String> interfaces = new ArrayList<>();
        Scope scope = new Scope(type, binaryName, cx);
        switch (type) {
            case ClassOrInterfaceDeclaration c -> {
                kind = c.isInterface() ? JavaClass.Kind.INTERFACE : JavaClass.Kind.CLASS;
                c.getTypeParameters().forEach(p -> typeParameters.add(p.getNameAsString()));
                if (c.isInterface()) {
                    c.getExtendedTypes().forEach(t -> interfaces.add(scope.type(t)));
                } else {
                    if (c.getExtendedTypes().isNonEmpty()) {
                        superclass = scope.type(c.getExtendedTypes(0));
                    }
                    c.getImplementedTypes().forEach(t -> interfaces.add(scope.type(t)));
                }
            }
            case EnumDeclaration e -> {
                kind = JavaClass.Kind.ENUM;
                superclass = "java.lang.Enum<" + binaryName + ">";
                e.getImplementedTypes().forEach(t -> interfaces.add(scope.type(t)));
            }
            case RecordDeclaration r -> {
                kind = JavaClass.Kind.RECORD;
                r.getTypeParameters().forEach(p -> typeParameters.add(p.getNameAsString()));
                r.getImplementedTypes().forEach(t -> interfaces.add(scope.type(t)));
            }
            case AnnotationDeclaration a -> {
                kind = JavaClass.Kind.ANNOTATION;
                interfaces.add("java.lang.annotation.Annotation");
            }
            default -> throw new IllegalStateException("unknown kind of type " + type.getClass());
        }
        boolean isInterface = kind == JavaClass.Kind.INTERFACE || kind == JavaClass.Kind.ANNOTATION;
        List<JavaMethod> constructors = new ArrayList<>();
        List<JavaMethod> methods = new ArrayList<>();
        List<JavaField> fields = new ArrayList<>();
        final boolean anyConstructor = type.getMembers().stream().anyMatch(m -> m instanceof ConstructorDeclaration);
        for (BodyDeclaration<?> member : type.getMembers()) {
            switch (member) {
                case ConstructorDeclaration c -> {
                    if (c.isPublic() && kind != JavaClass.Kind.ENUM) {
                        constructors.add(scope.withMethodParameters(c.getTypeParameters())
                                .method("<init>", false, false, c.getTypeParameters(), c.getParameters(), null,
                                        c.getThrownExceptions()));
                    }
                }
                case CompactConstructorDeclaration c -> {
                    // the canonical constructor, written compactly; added with the components below
                }
                case MethodDeclaration m -> {
                    boolean visible = isInterface ? !m.isPrivate() : m.isPublic();
                    if (visible) {
                        boolean isStatic = m.isStatic();
                        boolean isAbstract = isInterface ? m.getBody().isEmpty() && !isStatic && !m.isDefault()
                                : m.isAbstract();
                        Scope s = (isStatic ? scope.staticScope() : scope).withMethodParameters(m.getTypeParameters());
                        methods.add(s.method(m.getNameAsString(), isStatic, isAbstract, m.getTypeParameters(),
                                m.getParameters(), m.getType(), m.getThrownExceptions()));
                    }
                }
                case AnnotationMemberDeclaration a -> methods.add(new JavaMethod(a.getNameAsString(), false, true,
                        List.of(), List.of(), List.of(), scope.type(a.getType()), false));
                case FieldDeclaration f -> {
                    if (isInterface || f.isPublic()) {
                        boolean isStatic = isInterface || f.isStatic();
                        boolean isFinal = isInterface || f.isFinal();
                        Scope s = isStatic ? scope.staticScope() : scope;
                        for (VariableDeclarator v : f.getVariables()) {
                            fields.add(new JavaField(v.getNameAsString(), isStatic, isFinal, s.type(v.getType())));
                        }
                    }
                }
                default -> {
                }
            }
        }
        switch (type) {
            case EnumDeclaration e -> {
                List<JavaField> constants = new ArrayList<>();
                for (EnumConstantDeclaration c : e.getEntries()) {
                    constants.add(new JavaField(c.getNameAsString(), true, true, binaryName));
                }
                fields.addAll(0, constants);
                methods.add(new JavaMethod("values", true, false, List.of(), List.of(), List.of(), binaryName + "[]", false));
                methods.add(new JavaMethod("valueOf", true, false, List.of(), List.of("java.lang.String"), List.of("name"),
                        binaryName, false));
            }
            case RecordDeclaration r -> {
                List<String> types = new ArrayList<>();
                List<String> names = new ArrayList<>();
                boolean varargs = false;
                for (Parameter p : r.getParameters()) {
                    types.add(scope.parameterType(p));
                    names.add(p.getNameAsString());
                    varargs = p.isVarArgs();
                }
                boolean canonicalDeclared = false;
                for (BodyDeclaration<?> m : r.getMembers()) {
                    if (m instanceof ConstructorDeclaration c && c.getParameters().size() == types.size()
                            && c.getParameters().stream().map(scope::parameterType).toList().equals(types)) {
                        canonicalDeclared = true;
                    }
                }
                // not written out: as public as the record; written compactly: as that constructor says
                Optional<CompactConstructorDeclaration> compact = r.getCompactConstructors().stream().findFirst();
                if (!canonicalDeclared && compact.map(CompactConstructorDeclaration::isPublic).orElse(true)) {
                    constructors.add(0, new JavaMethod("<init>", false, false, List.of(), types, names, "void", varargs));
                }
                List<JavaMethod> accessors = new ArrayList<>();
                for (int i = 0; i < names.size(); i++) {
                    String name = names.get(i);
                    // an accessor written out must be public; one not written is generated
                    if (r.getMethodsByName(name).stream().noneMatch(m -> m.getParameters().isEmpty())) {
                        accessors.add(new JavaMethod(name, false, false, List.of(), List.of(), List.of(), types.get(i),
                                false));
                    }
                }
                methods.addAll(0, accessors);
            }
            case ClassOrInterfaceDeclaration c when !c.isInterface() && !anyConstructor -> constructors.add(
                    new JavaMethod("<init>", false, false, List.of(), List.of(), List.of(), "void", false));
            default -> {
            }
        }
        return new JavaClass(binaryName, kind, typeParameters, superclass, interfaces, constructors, methods, fields);
    }

    // ---- resolving type names ---------------------------------------------------------------------

    /** A compilation unit's imports and package. */
    private static final class Context {
        final String packageName;
        /** simple name to the qualified name it imports (dots only; split into classes on use). */
        final Map<String, String> single = new LinkedHashMap<>();
        /** packages or classes whose members are imported on demand. */
        final List<String> onDemand = new ArrayList<>();
        final Set<String> topLevel = new HashSet<>();
        final JavaSourceTypes types;

        Context(CompilationUnit unit, JavaSourceTypes types) {
            this.types = types;
            this.packageName = unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
            for (ImportDeclaration i : unit.getImports()) {
                if (i.isStatic()) {
                    continue;
                }
                String name = i.getNameAsString();
                if (i.isAsterisk()) {
                    onDemand.add(name);
                } else {
                    single.put(name.substring(name.lastIndexOf('.') + 1), name);
                }
            }
            unit.getTypes().forEach(t -> topLevel.add(t.getNameAsString()));
        }
    }

    /**
     * Where a type name is resolved: the type parameters in scope and the chain of enclosing classes
     * (innermost first), with their binary names.
     */
    private final class Scope {
        final Context cx;
        final List<TypeDeclaration<?>> enclosing;
        final List<String> enclosingNames;
        final Set<String> typeVariables;

        Scope(TypeDeclaration<?> type, String binaryName, Context cx) {
            this.cx = cx;
            this.enclosing = new ArrayList<>();
            this.enclosingNames = new ArrayList<>();
            this.typeVariables = new HashSet<>();
            String name = binaryName;
            Node n = type;
            boolean instanceContext = true;
            while (n instanceof TypeDeclaration<?> t) {
                enclosing.add(t);
                enclosingNames.add(name);
                if (instanceContext) {
                    typeParametersOf(t).forEach(p -> typeVariables.add(p.getNameAsString()));
                }
                // a static nested class (every record, enum and interface) does not see the outer type variables
                instanceContext = t instanceof ClassOrInterfaceDeclaration c && !c.isInterface() && !c.isStatic()
                        && !(t.getParentNode().orElse(null) instanceof ClassOrInterfaceDeclaration o && o.isInterface());
                n = t.getParentNode().orElse(null);
                int dollar = name.lastIndexOf('$');
                name = dollar < 0 ? name : name.substring(0, dollar);
            }
        }

        private Scope(Scope from, Set<String> typeVariables) {
            this.cx = from.cx;
            this.enclosing = from.enclosing;
            this.enclosingNames = from.enclosingNames;
            this.typeVariables = typeVariables;
        }

        /** The scope of a static member: the class's own type variables are not in it. */
        Scope staticScope() {
            Set<String> vars = new HashSet<>(typeVariables);
            typeParametersOf(enclosing.get(0)).forEach(p -> vars.remove(p.getNameAsString()));
            return new Scope(this, vars);
        }

        Scope withMethodParameters(NodeList<TypeParameter> parameters) {
            if (parameters.isEmpty()) {
                return this;
            }
            Set<String> vars = new HashSet<>(typeVariables);
            parameters.forEach(p -> vars.add(p.getNameAsString()));
            return new Scope(this, vars);
        }

        JavaMethod method(String name, boolean isStatic, boolean isAbstract, NodeList<TypeParameter> typeParameters,
                NodeList<Parameter> parameters, Type returnType, NodeList<ReferenceType> thrown) {
            List<String> types = new ArrayList<>();
            List<String> names = new ArrayList<>();
            boolean varargs = false;
            for (Parameter p : parameters) {
                types.add(parameterType(p));
                names.add(p.getNameAsString());
                varargs = p.isVarArgs();
            }
            return new JavaMethod(name, isStatic, isAbstract, typeParameters.stream().map(TypeParameter::getNameAsString).toList(),
                    types, names, returnType == null ? "void" : type(returnType), varargs,
                    thrown.stream().map(this::type).toList());
        }

        String parameterType(Parameter p) {
            String t = type(p.getType());
            return p.isVarArgs() ? t + "[]" : t;
        }

        String type(Type t) {
            return switch (t) {
                case PrimitiveType p -> p.asString();
                case VoidType v -> "void";
                case ArrayType a -> type(a.getComponentType()) + "[]";
                case WildcardType w -> w.getExtendedType().map(e -> "? extends " + type(e))
                        .or(() -> w.getSuperType().map(s -> "? super " + type(s))).orElse("?");
                case ClassOrInterfaceType c -> classType(c);
                case IntersectionType i -> type(i.getElements().get(0));
                case UnionType u -> type(u.getElements().get(0));
                default -> "java.lang.Object"; // var, unknown
            };
        }

        private String classType(ClassOrInterfaceType c) {
            List<ClassOrInterfaceType> chain = new ArrayList<>();
            for (ClassOrInterfaceType s = c; s != null; s = s.getScope().orElse(null)) {
                chain.add(0, s);
            }
            List<String> names = chain.stream().map(ClassOrInterfaceType::getNameAsString).toList();
            if (names.size() == 1 && typeVariables.contains(names.get(0))) {
                return names.get(0);
            }
            String base = resolve(names);
            // type arguments: those of the last element (the usual case) and of its scopes, written once
            StringBuilder sb = new StringBuilder(base);
            c.getTypeArguments().ifPresent(args -> {
                if (!args.isEmpty()) {
                    sb.append('<');
                    for (int i = 0; i < args.size(); i++) {
                        sb.append(i == 0 ? "" : ", ").append(type(args.get(i)));
                    }
                    sb.append('>');
                }
            });
            return sb.toString();
        }

        /** The binary name of a (possibly qualified) type name. */
        private String resolve(List<String> names) {
            String first = names.get(0);
            String head = simple(first);
            if (head != null) {
                return withMembers(head, names.subList(1, names.size()));
            }
            // a qualified name: the shortest prefix that is a known class, the rest its member classes
            for (int i = 1; i <= names.size(); i++) {
                String candidate = String.join(".", names.subList(0, i));
                if (exists(candidate)) {
                    return withMembers(candidate, names.subList(i, names.size()));
                }
            }
            if (names.size() == 1 || Character.isUpperCase(first.charAt(0))) {
                // not among the sources nor the fallback's classes: a class of this package that another
                // tool generates (a Ruchy file's class), as javac would look for it
                String samePackage = cx.packageName.isEmpty() ? first : cx.packageName + "." + first;
                return withMembers(samePackage, names.subList(1, names.size()));
            }
            // unknown: the first capitalised name starts the classes
            int split = 0;
            while (split < names.size() - 1 && !Character.isUpperCase(names.get(split).charAt(0))) {
                split++;
            }
            return withMembers(String.join(".", names.subList(0, split + 1)), names.subList(split + 1, names.size()));
        }

        private String withMembers(String base, List<String> members) {
            StringBuilder sb = new StringBuilder(base);
            members.forEach(m -> sb.append('$').append(m));
            return sb.toString();
        }

        /** The binary name of a simple type name, or null when none is in scope. */
        private String simple(String name) {
            // member types of the class and its enclosing classes (and their superclasses among the sources)
            for (int i = 0; i < enclosing.size(); i++) {
                String member = memberIn(enclosing.get(i), enclosingNames.get(i), name);
                if (member != null) {
                    return member;
                }
            }
            String imported = cx.single.get(name);
            if (imported != null) {
                return qualified(imported);
            }
            String samePackage = cx.packageName.isEmpty() ? name : cx.packageName + "." + name;
            if (cx.topLevel.contains(name) || index().containsKey(samePackage)) {
                return samePackage;
            }
            for (String pkg : cx.onDemand) {
                String candidate = qualified(pkg) + (exists(pkg) ? "$" : ".") + name;
                if (exists(candidate)) {
                    return candidate;
                }
            }
            if (exists("java.lang." + name) || jdkLang(name)) {
                return "java.lang." + name;
            }
            return null;
        }

        /** A member type named {@code name} of {@code type} or of its superclasses and interfaces. */
        private String memberIn(TypeDeclaration<?> type, String binaryName, String name) {
            if (memberType(type, name) != null) {
                return binaryName + "$" + name;
            }
            return inheritedMember(type, name);
        }

        /** A member type of a direct supertype (deeper ones are not looked for). */
        private String inheritedMember(TypeDeclaration<?> type, String name) {
            List<ClassOrInterfaceType> supers = new ArrayList<>();
            if (type instanceof ClassOrInterfaceDeclaration c) {
                supers.addAll(c.getExtendedTypes());
                supers.addAll(c.getImplementedTypes());
            } else if (type instanceof EnumDeclaration e) {
                supers.addAll(e.getImplementedTypes());
            } else if (type instanceof RecordDeclaration r) {
                supers.addAll(r.getImplementedTypes());
            }
            for (ClassOrInterfaceType s : supers) {
                String superName = rawName(s);
                String candidate = superName + "$" + name;
                if (exists(candidate)) {
                    return candidate;
                }
            }
            return null;
        }

        private String rawName(ClassOrInterfaceType s) {
            List<String> names = new ArrayList<>();
            for (ClassOrInterfaceType t = s; t != null; t = t.getScope().orElse(null)) {
                names.add(0, t.getNameAsString());
            }
            if (names.size() == 1) {
                // the super type's own name, not a member of the class that extends it
                String imported = cx.single.get(names.get(0));
                if (imported != null) {
                    return qualified(imported);
                }
                String samePackage = cx.packageName.isEmpty() ? names.get(0) : cx.packageName + "." + names.get(0);
                if (index().containsKey(samePackage)) {
                    return samePackage;
                }
                for (String pkg : cx.onDemand) {
                    if (exists(pkg + "." + names.get(0))) {
                        return pkg + "." + names.get(0);
                    }
                }
                return exists("java.lang." + names.get(0)) ? "java.lang." + names.get(0) : samePackage;
            }
            // qualified: a package and classes (a member type of an outer class written Outer.Inner is rare here)
            return qualified(String.join(".", names));
        }

        /** {@code java.util.Map.Entry} → {@code java.util.Map$Entry}, where {@code java.util.Map} is a class. */
        private String qualified(String dotted) {
            String[] parts = dotted.split("\\.");
            for (int i = 1; i <= parts.length; i++) {
                String candidate = String.join(".", java.util.Arrays.asList(parts).subList(0, i));
                if (exists(candidate)) {
                    StringBuilder sb = new StringBuilder(candidate);
                    for (int j = i; j < parts.length; j++) {
                        sb.append('$').append(parts[j]);
                    }
                    return sb.toString();
                }
            }
            return dotted;
        }

        private boolean exists(String binaryName) {
            int dollar = binaryName.indexOf('$');
            String top = dollar < 0 ? binaryName : binaryName.substring(0, dollar);
            if (index().containsKey(top)) {
                return dollar < 0 || hasMember(binaryName);
            }
            return fallback.find(binaryName).isPresent();
        }

        /** A nested class of the sources (public or not: what a name means does not depend on it). */
        private boolean hasMember(String binaryName) {
            String[] parts = binaryName.split("\\$");
            Optional<CompilationUnit> unit = parse(index().get(parts[0]));
            if (unit.isEmpty()) {
                return false;
            }
            String topSimple = parts[0].substring(parts[0].lastIndexOf('.') + 1);
            TypeDeclaration<?> type = unit.get().getTypes().stream().filter(t -> t.getNameAsString().equals(topSimple))
                    .findFirst().orElse(null);
            for (int i = 1; i < parts.length && type != null; i++) {
                type = memberType(type, parts[i]);
            }
            return type != null;
        }
    }

    private static NodeList<TypeParameter> typeParametersOf(TypeDeclaration<?> t) {
        return switch (t) {
            case ClassOrInterfaceDeclaration c -> c.getTypeParameters();
            case RecordDeclaration r -> r.getTypeParameters();
            default -> new NodeList<>();
        };
    }

    /** Whether the running JDK has a public {@code java.lang} class of that name (when no fallback knows it). */
    private static boolean jdkLang(String simple) {
        try {
            Class<?> c = Class.forName("java.lang." + simple, false, ClassLoader.getPlatformClassLoader());
            return java.lang.reflect.Modifier.isPublic(c.getModifiers());
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
