#!/bin/sh
# Regenerates the README's pictures (run from anywhere; builds the jar if it is missing):
#   xor-blog-*.png     the blog's settings (seed 42, 1000 epochs, the blog's rate): the network does not learn XOR
#   xor-learned-*.png  the same network and seed with ten times the step for 2000 epochs: it does
#   spirals-*.png      the spirals example with its defaults (three arms, seed 1)
#   fashion-mlp-*.png  fashion-mnist with its defaults (the MLP, 10 epochs, seed 42; needs dataset-fashion-mnist)
#   fashion-cnn-*.png  fashion-mnist --model cnn (10 epochs; long: FASHION_CNN=yes to redraw them)
set -e
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$(mktemp -d)
"$root/nn4j" xor --quiet --plot "$out/blog" > /dev/null
"$root/nn4j" xor --quiet --learning-rate 2 --epochs 2000 --plot "$out/learned" > /dev/null
"$root/nn4j" spirals --quiet --plot "$out/spirals" > /dev/null
for run in blog learned; do
    cp "$out/$run/loss.png" "$root/docs/images/xor-$run-loss.png"
    cp "$out/$run/decision-boundary.png" "$root/docs/images/xor-$run-decision-boundary.png"
done
cp "$out/spirals/loss.png" "$root/docs/images/spirals-loss.png"
cp "$out/spirals/decision-boundary.png" "$root/docs/images/spirals-decision-boundary.png"
"$root/nn4j" fashion-mnist --quiet --plot "$out/fashion-mlp" > /dev/null
for picture in loss confusion-matrix test-images; do
    cp "$out/fashion-mlp/$picture.png" "$root/docs/images/fashion-mlp-$picture.png"
done
if [ "${FASHION_CNN:-no}" = yes ]; then
    "$root/nn4j" fashion-mnist --model cnn --quiet --plot "$out/fashion-cnn" > /dev/null
    for picture in loss confusion-matrix test-images filters; do
        cp "$out/fashion-cnn/$picture.png" "$root/docs/images/fashion-cnn-$picture.png"
    done
fi
rm -rf "$out"
ls -l "$root/docs/images"
