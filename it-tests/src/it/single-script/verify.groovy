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
true
