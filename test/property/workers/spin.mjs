// A reader that never returns: the hang guard's own test stops it.
for (;;) {
  // spin
}
