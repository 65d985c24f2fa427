// (c) Incremental builds: see pom.xml for the four builds.
def log = new File(basedir, 'build.log').text
def target = new File(basedir, 'target')
def gen = new File(target, 'generated-sources/ruchy/app')

// the plugin's one info line per build, in order
def lines = log.readLines().findAll { it.contains('[INFO] Transpiling ') || it.contains('[INFO] Nothing to transpile')
        || it.contains('[INFO] Removed the output') }
println "plugin lines: ${lines}"
assert lines.size() == 4 : lines
assert lines[0].endsWith('Transpiling 3 files because of a clean build.')
assert lines[1].endsWith('Nothing to transpile - all Ruchy sources are up to date.')
assert lines[2].endsWith('Transpiling 1 file because of changed source code.')   // b edited; a only touched
assert lines[3].endsWith('Removed the output of 1 deleted source file.')

// build 2 wrote nothing: every generated file, class and the manifest is older than its start
def noop = new File(target, 'noop.marker').lastModified()
def afterNoop = new File(target, 'after-noop')
def checked = 0
afterNoop.eachFileRecurse(groovy.io.FileType.FILES) { f ->
    assert f.lastModified() < noop : "${f} was written by the no-op build"
    checked++
}
assert checked >= 7 : "only ${checked} files checked"    // A/B/C.java, A/B/C.class, manifest
// and the compiler agreed there was nothing to recompile
def builds = log.split(/(?m)^\[INFO\] Scanning for projects/)
assert builds.length >= 5 : "expected four builds in build.log, found ${builds.length - 1}"
assert builds[2].contains('Nothing to compile - all classes are up to date')

// build 3 rewrote B.java only
def edit = new File(target, 'edit.marker').lastModified()
assert new File(gen, 'B.java').lastModified() >= edit
assert new File(gen, 'B.java').text.contains('b, edited')
assert new File(gen, 'A.java').lastModified() < noop

// build 4 removed C.java and nothing else
assert !new File(gen, 'C.java').exists()
assert new File(gen, 'A.java').isFile() && new File(gen, 'B.java').isFile()
assert new File(gen, 'Other.java').isFile() : "another generator's file was deleted"
def manifest = new File(target, 'maven-status/ruchy/transpile/default/manifest.txt').text
assert !manifest.contains('c.ruchy')
true
