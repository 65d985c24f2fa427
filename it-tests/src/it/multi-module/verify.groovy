// (e) Three modules under -T 4: each transpiled its own sources, all jars built, no failure.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('Using the MultiThreadedBuilder implementation with a thread count of 4')
assert !log.contains('is not thread-safe') : 'Maven warned about a mojo that is not thread-safe'
assert log.findAll(/Transpiling 6 files because of a clean build\./).size() == 2     // lib, tools
assert log.contains('Transpiling 4 files because of a clean build.')                // app
assert log.contains('Transpiling 1 file because of a clean build.')                 // tools' test
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
['lib', 'tools', 'app'].each { m ->
    assert new File(basedir, "${m}/target/${m}-1.0.jar").isFile() : "no ${m} jar"
}
assert new File(basedir, 'lib/target/classes/mm/lib/Shape6.class').isFile()
assert new File(basedir, 'app/target/classes/mm/app/Main.class').isFile()
true
