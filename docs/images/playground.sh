#!/bin/sh
# Regenerates the playground's screenshots in docs/images: the browser tests (PlaygroundBrowserIT) take them while
# they drive the page in Debian's headless chromium (apt-get install chromium chromium-driver):
#   playground.png          the blog's network with the step raised to 2, learning XOR
#   playground-blog.png     the blog's setup after its 1000 epochs: the map stays pale, XOR is not learned
#   playground-learned.png  the same network, seed and epochs with the step raised to 2: XOR is learned
#   playground-explain.png  "explain one step" under the page
set -e
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
./mvnw -q -pl nn-examples -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test=PlaygroundBrowserIT -Dnn4j.screenshots="$root/docs/images"
ls -l "$root"/docs/images/playground*.png
