// A module in the middle of a migration: Ruchy calls the module's Java (typed), Java calls Ruchy, a
// Ruchy test calls main Ruchy functions, and the program prints what the Java and Ruchy code compute.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('Tests run: 4, Failures: 0, Errors: 0, Skipped: 0') : 'the Ruchy tests did not all pass'

def generated = new File(basedir, 'target/generated-sources/ruchy/com/acme/app/BillingRun.java').text
def test = new File(basedir, 'target/generated-test-sources/ruchy/com/acme/app/BillingTest.java').text
// every Java method is called as Java calls it: no dynamic call by name
[generated, test].each { java ->
    assert !java.contains('Ops.invoke') : 'a dynamic method call:\n' + java
    assert !java.contains('Ops.callPath') : 'a dynamic path call:\n' + java
}
assert generated.contains('new Invoice("ACME")') : generated
assert generated.contains('Invoice.taxRate()') : generated
assert generated.contains('invoice.discounted(500L)') : 'the long overload:\n' + generated
assert generated.contains('invoice.discounted(10.0)') : 'the double overload:\n' + generated
assert generated.contains('LocalDate.parse(') : generated
assert generated.contains('Format.money(') : 'another Ruchy file, typed:\n' + generated
assert test.contains('BillingRun.vat(1000L)') : 'a main Ruchy function called from a test:\n' + test
assert test.contains('Format.money(1205L)') : test

// the program: Java classes, the Ruchy class they call back, and the runtime
def runtimeJar = new File(localRepositoryPath, 'dev/ruchy/ruchy-runtime').listFiles()
        .collectMany { dir -> (dir.listFiles() ?: []).findAll { it.name ==~ /ruchy-runtime-[^-]+(-SNAPSHOT)?\.jar/ } }[0]
def java = new File(System.getProperty('java.home'), 'bin/java')
def process = new ProcessBuilder(java.path, '-cp', 'target/classes' + File.pathSeparator + runtimeJar.path,
        'com.acme.app.BillingRun').directory(basedir).redirectErrorStream(true).start()
def output = process.inputStream.getText('UTF-8')
assert process.waitFor() == 0 : output
assert output.readLines() == [
        'ACME: 20.00 EUR',
        'vat 4.00 EUR',
        'less 5.00 15.00 EUR',
        'less 10% 18.00 EUR',
        'doubled 40.00 EUR',
        'due 2024-03-01',
] : output
true
