// An import of a class that is nowhere fails the build; the log names the .ruchy file, line and column.
def log = new File(basedir, 'build.log').text
def source = new File(basedir, 'src/main/ruchy/com/acme/shop/checkout.ruchy').canonicalPath
assert log.contains('BUILD FAILURE')
def error = log =~ (java.util.regex.Pattern.quote(source) + /:\[1,(\d+)\] error\[R\d+\]: (.*)/)
assert error.find() : 'no error at checkout.ruchy line 1:\n' + log
assert error.group(1) == '5' : 'column ' + error.group(1)
assert error.group(2).contains('Kart') : error.group(2)
assert !new File(basedir, 'target/generated-sources/ruchy/com/acme/shop/Checkout.java').exists()
true
