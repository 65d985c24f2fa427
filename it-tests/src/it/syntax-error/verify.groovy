// (d) Every Ruchy error of the build is listed with file, line and column, then the build fails.
def log = new File(basedir, 'build.log').text
def broken = new File(basedir, 'src/main/ruchy/broken.ruchy').canonicalPath
def undefined = new File(basedir, 'src/main/ruchy/demo/undefined_name.ruchy').canonicalPath
assert log.contains("[ERROR] ${broken}:[1,15] error[R") : 'no file:[line,col] error for broken.ruchy'
assert log.contains("[ERROR] ${undefined}:[5,9] error[R") : 'no file:[line,col] error for undefined_name.ruchy'
assert log.contains('1 | let x = (1 + 2') : 'no source line under the error'
assert log.contains('Ruchy transpilation failed: 2 errors')
assert log.contains('BUILD FAILURE')
// the good file was still transpiled, the broken ones left no Java behind
def gen = new File(basedir, 'target/generated-sources/ruchy')
assert new File(gen, 'demo/Fine.java').isFile()
assert !new File(gen, 'Broken.java').exists()
assert !new File(gen, 'demo/UndefinedName.java').exists()
true
