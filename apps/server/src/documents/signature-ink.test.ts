import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sampleSignature } from '@hewei/domain/mediation/testdata.ts';
import { PNG } from 'pngjs';
import { flattenSignaturePng, measurePngInk, validateSignatureImage } from './signature-ink.ts';
import { signatureBase64, syntheticSignaturePng } from './testing.ts';

function opaque(width: number, height: number, paint?: (png: PNG) => void): string {
  const png = new PNG({ width, height });
  png.data.fill(255);
  paint?.(png);
  return PNG.sync.write(png).toString('base64');
}

describe('signature images', () => {
  it('accepts a drawn signature, with or without a data: prefix', () => {
    const stats = measurePngInk(signatureBase64(3));
    assert.ok(stats !== null && stats.inkPixels > 500);
    assert.deepEqual(validateSignatureImage(sampleSignature({ imagePngBase64: signatureBase64(3) })), []);
    assert.deepEqual(
      validateSignatureImage(
        sampleSignature({ imagePngBase64: `data:image/png;base64,${signatureBase64(4)}` }),
      ),
      [],
    );
  });

  it('refuses an empty pad: transparent, or white', () => {
    const empty = syntheticSignaturePng(1, { empty: true }).toString('base64');
    assert.deepEqual(measurePngInk(empty)?.inkPixels, 0);
    assert.deepEqual(validateSignatureImage(sampleSignature({ imagePngBase64: empty })), [
      { field: 'imagePngBase64', code: 'empty_drawing' },
    ]);
    assert.deepEqual(validateSignatureImage(sampleSignature({ imagePngBase64: opaque(300, 100) })), [
      { field: 'imagePngBase64', code: 'empty_drawing' },
    ]);
  });

  it('refuses a stray dot on a white background', () => {
    const dot = opaque(300, 100, (png) => {
      for (let y = 40; y < 50; y++)
        for (let x = 40; x < 50; x++) png.data.fill(0, (y * 300 + x) * 4, (y * 300 + x) * 4 + 3);
    });
    const stats = measurePngInk(dot);
    assert.equal(stats?.inkPixels, 100);
    assert.deepEqual(validateSignatureImage(sampleSignature({ imagePngBase64: dot })), [
      { field: 'imagePngBase64', code: 'empty_drawing' },
    ]);
  });

  it('refuses what is not a PNG, and absurd sizes before decoding them', () => {
    assert.equal(measurePngInk(Buffer.from('GIF89a…').toString('base64')), null);
    assert.equal(measurePngInk('!!!not base64'), null);
    const huge = Buffer.from(syntheticSignaturePng(1));
    huge.writeUInt32BE(100_000, 16); // IHDR width
    assert.equal(measurePngInk(huge.toString('base64')), null);
    assert.deepEqual(validateSignatureImage(sampleSignature({ imagePngBase64: 'aGVsbG8=' })), [
      { field: 'imagePngBase64', code: 'not_a_png' },
    ]);
  });

  it('also refuses a missing identity check', () => {
    assert.deepEqual(
      validateSignatureImage(
        sampleSignature({ imagePngBase64: signatureBase64(5), identityVerified: false }),
      ),
      [{ field: 'identityVerified', code: 'identity_unverified' }],
    );
  });

  it('flattens onto white for embedding', () => {
    const flat = flattenSignaturePng(signatureBase64(2));
    assert.ok(flat !== null);
    const png = PNG.sync.read(flat);
    assert.equal(png.width, 360);
    assert.ok(
      png.data.every((v, i) => i % 4 !== 3 || v === 255),
      'opaque',
    );
    assert.equal(flattenSignaturePng('bm9wZQ=='), null);
  });
});
