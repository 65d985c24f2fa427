// A module in the middle of a migration: Ruchy calls the module's Java (typed), Java calls Ruchy, a
// Ruchy test calls main Ruchy functions, and the program prints what the Java and Ruchy code compute;
// then a new method in a Java class transpiles again just the Ruchy files that import that class.
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

// build 2 found nothing to do; build 3 transpiled the one main and the one test file that import
// Invoice after Invoice.java got a method (format.ruchy imports nothing and stayed)
def builds = log.split(/(?m)^\[INFO\] Scanning for projects/)
assert builds.length == 4 : "expected three builds in build.log, found ${builds.length - 1}"
def pluginLines = { String build -> build.readLines().findAll { it.contains('[INFO] Transpiling ') || it.contains('[INFO] Nothing to transpile') } }
assert pluginLines(builds[2]).size() == 2 && pluginLines(builds[2]).every { it.contains('Nothing to transpile') } : pluginLines(builds[2])
assert pluginLines(builds[3]).size() == 2 && pluginLines(builds[3]).every {
    it.endsWith('Transpiling 1 file because of changed classes they use.') } : pluginLines(builds[3])
def manifest = new File(basedir, 'target/maven-status/ruchy/transpile/default/manifest.txt').text
assert manifest.contains('>com.acme.billing.Invoice=') && manifest.contains('>com.acme.report.Format=') : manifest
assert !manifest.contains('>java.') : 'the JDK is recorded:\n' + manifest
true
