// (b) Java in src/main/java calls the class generated from com/acme/text/slug.ruchy: package from folders;
// and a `pub fun` of another package, which reads top-level constants without main having run.
def log = new File(basedir, 'build.log').text
def generated = new File(basedir, 'target/generated-sources/ruchy/com/acme/text/Slug.java')
assert generated.isFile() : 'no com/acme/text/Slug.java'
assert generated.text.startsWith('package com.acme.text;')
assert new File(basedir, 'target/classes/com/acme/text/Slug.class').isFile()
assert new File(basedir, 'target/classes/com/acme/text/Titles.class').isFile()
assert log.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0') : 'TitlesTest did not pass'
def shout = new File(basedir, 'target/generated-sources/ruchy/com/acme/util/Shout.java').text
assert shout.contains('public static String shout(String text)') : 'pub fun is not public'
// the line map beside each class reaches the classes, where the runtime looks for it
def lines = new File(basedir, 'target/classes/com/acme/util/Shout.ruchy-lines')
assert lines.isFile() : 'no line map in target/classes'
assert lines.text.startsWith('com/acme/util/shout.ruchy\n')
true
