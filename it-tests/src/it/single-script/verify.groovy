// (a) A single script: transpiled to the default package, compiled, packaged; the Ruchy tests ran.
// The build runs twice (invoker.properties): with this build's Maven, then clean with an older Maven.
def log = new File(basedir, 'build.log').text
def generated = new File(basedir, 'target/generated-sources/ruchy/Hello.java')
assert generated.isFile() : 'no Hello.java'
assert generated.text.contains('public final class Hello')
assert new File(basedir, 'target/classes/Hello.class').isFile()
assert new File(basedir, 'target/generated-test-sources/ruchy/GreetingTest.java').text.contains('@Test')
assert new File(basedir, 'target/single-script-1.0.jar').isFile()
assert log.contains('Transpiling 1 file because of a clean build.')
assert log.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0') : 'the two #[test] functions did not run'
assert new File(basedir, 'target/maven-status/ruchy/transpile/default/manifest.txt').isFile()
// debug-info: the class names hello.ruchy (SourceFile) and carries the source map of the Ruchy stratum
def classText = new String(new File(basedir, 'target/classes/Hello.class').bytes, 'ISO-8859-1')
assert classText.contains('SourceDebugExtension')
assert classText.contains('SMAP\nhello.ruchy\nRuchy\n*S Ruchy\n*F\n+ 1 hello.ruchy\nhello.ruchy\n*L\n') : 'no Ruchy source map in Hello.class'
assert !classText.contains('Hello.java') : 'Hello.class still names Hello.java'
// the second build, with Maven 3.8: the same work done again from clean
def older = log =~ /Apache Maven (3\.[6-8]\.\d+)/
assert older.find() : 'the second build did not run with a Maven older than 3.9'
def second = log.substring(older.start())
assert second.contains('Transpiling 1 file because of a clean build.') : 'Maven ' + older.group(1) + ' did not transpile'
assert second.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0') : 'Maven ' + older.group(1) + ' did not run the Ruchy tests'
assert second.contains('BUILD SUCCESS')

// jdb on the class the plugin built: a breakpoint on line 3 of hello.ruchy (the class's default
// stratum is Ruchy) stops there, and the frames name hello.ruchy
def jdb = new File(System.getProperty('java.home'), 'bin/jdb')
assert jdb.isFile() : 'no jdb in ' + System.getProperty('java.home')
def runtimeJar = new File(localRepositoryPath, 'dev/ruchy/ruchy-runtime').listFiles()
        .collectMany { dir -> (dir.listFiles() ?: []).findAll { it.name ==~ /ruchy-runtime-[^-]+(-SNAPSHOT)?\.jar/ } }[0]
def process = new ProcessBuilder(jdb.path, '-sourcepath', 'src/main/ruchy',
        '-classpath', 'target/classes' + File.pathSeparator + runtimeJar.path, 'Hello')
        .directory(basedir).redirectErrorStream(true).start()
def out = new StringBuffer()
Thread.start { process.inputStream.withReader('UTF-8') { r -> int c; while ((c = r.read()) >= 0) { out.append((char) c) } } }
def waitFor = { String text ->
    long end = System.currentTimeMillis() + 60_000
    while (!out.toString().contains(text) && process.alive && System.currentTimeMillis() < end) {
        Thread.sleep(100)
    }
    out.toString().contains(text)
}
def send = { String line -> process.outputStream.write((line + '\n').getBytes('UTF-8')); process.outputStream.flush() }
try {
    send('stop at Hello:3')
    send('run')
    assert waitFor('Breakpoint hit: "thread=main", Hello.greeting(), line=3') : 'jdb did not stop at hello.ruchy:3:\n' + out
    send('where')
    assert waitFor('Hello.greeting (hello.ruchy:3)') : 'the stopped frame does not name hello.ruchy:3:\n' + out
    assert waitFor('Hello.main (hello.ruchy:6)') : 'the calling frame does not name hello.ruchy:6:\n' + out
    send('cont')
    assert waitFor('Hello, Maven!') : 'the program did not go on after the breakpoint:\n' + out
} finally {
    process.destroyForcibly()
    process.waitFor()
}
true
