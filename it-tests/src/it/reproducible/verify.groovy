// (f) Two clean builds give byte-identical generated sources (and line maps).
def first = new File(basedir, 'out/first')
def second = new File(basedir, 'out/second')
def files = { File root ->
    def m = new TreeMap()
    root.eachFileRecurse(groovy.io.FileType.FILES) { f -> m[root.toPath().relativize(f.toPath()).toString()] = f.bytes }
    m
}
def a = files(first)
def b = files(second)
println "generated: ${a.keySet()}"
assert a.keySet() == ['main/repro/Report.java', 'main/repro/Report.ruchy-lines', 'main/repro/model/Inventory.java',
        'main/repro/model/Inventory.ruchy-lines', 'test/repro/ReportTest.java', 'test/repro/ReportTest.ruchy-lines'] as Set
assert a.keySet() == b.keySet()
a.each { name, bytes -> assert Arrays.equals(bytes, b[name]) : "${name} differs between the two builds" }
// no absolute path or time stamp in the output
a.each { name, bytes ->
    def text = new String(bytes, 'UTF-8')
    assert !text.contains(basedir.path) : "${name} contains the build folder"
}
true
