// A string passed where the Java method takes a long fails the build; the log names the .ruchy file,
// line and column.
def log = new File(basedir, 'build.log').text
def source = new File(basedir, 'src/main/ruchy/com/acme/shop/checkout.ruchy').canonicalPath
assert log.contains('BUILD FAILURE')
def error = log =~ (java.util.regex.Pattern.quote(source) + /:\[5,(\d+)\] error\[R\d+\]: (.*)/)
assert error.find() : 'no error at checkout.ruchy line 5:\n' + log
assert error.group(1) == '5' : 'column ' + error.group(1)
assert error.group(2).contains('Cart.add') && error.group(2).contains('(str, str)') : error.group(2)
assert !new File(basedir, 'target/generated-sources/ruchy/com/acme/shop/Checkout.java').exists()
true
