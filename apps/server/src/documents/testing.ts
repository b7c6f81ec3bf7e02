// Test and demo helpers: synthetic handwritten signatures and a fully signed sample agreement.
// Not exported from index.ts; import it directly from tests, seeds and demos.
import {
  type Agreement,
  type AgreementDraft,
  addSignature,
  affixSeal,
  createAgreement,
  type Signature,
} from '@hewei/domain/mediation/index.ts';
import { sampleDraft } from '@hewei/domain/mediation/testdata.ts';
import { PNG } from 'pngjs';
import { measurePngInk } from './signature-ink.ts';

/** A transparent PNG with a scribble that looks like a quick signature, different per seed. */
export function syntheticSignaturePng(
  seed: number,
  opts: { width?: number; height?: number; empty?: boolean } = {},
): Buffer {
  const width = opts.width ?? 360;
  const height = opts.height ?? 120;
  const png = new PNG({ width, height });
  png.data.fill(0);
  if (opts.empty === true) return PNG.sync.write(png);
  const ink = [20, 30, 110];
  const stamp = (cx: number, cy: number, r: number) => {
    for (let y = Math.floor(cy - r); y <= Math.ceil(cy + r); y++)
      for (let x = Math.floor(cx - r); x <= Math.ceil(cx + r); x++) {
        if (x < 0 || y < 0 || x >= width || y >= height) continue;
        const d = Math.hypot(x - cx, y - cy);
        if (d > r) continue;
        const i = (y * width + x) * 4;
        const a = Math.round(255 * Math.min(1, r - d + 0.5));
        png.data[i] = ink[0];
        png.data[i + 1] = ink[1];
        png.data[i + 2] = ink[2];
        png.data[i + 3] = Math.max(png.data[i + 3], a);
      }
  };
  // A few loops across the pad, like running handwriting; the seed varies the shape.
  const a1 = 2 + (seed % 5);
  const a2 = 5 + (seed % 7);
  const phase = (seed % 11) / 3;
  for (let t = 0; t <= 1; t += 0.0008) {
    const x = 24 + t * (width - 48) + 14 * Math.sin(t * Math.PI * 2 * a2 + phase);
    const y =
      height / 2 + (height / 3.2) * Math.sin(t * Math.PI * 2 * a1 + phase) * Math.cos(t * Math.PI * 3);
    stamp(x, y, 1.6);
  }
  return PNG.sync.write(png);
}

export function signatureBase64(seed: number): string {
  return syntheticSignaturePng(seed).toString('base64');
}

/** The sample draft, signed by both parties and the mediator with drawn signatures, and sealed. */
export function signedSampleAgreement(draft: AgreementDraft = sampleDraft()): Agreement {
  const created = createAgreement(draft);
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  let a = created.value;
  const sigs: Signature[] = [
    ...a.parties.map((p, i) => ({
      signerRole: 'party' as const,
      partyId: p.id,
      signerName: p.name,
      identityVerified: true,
      imagePngBase64: signatureBase64(i + 1),
      signedAt: `${draft.date}T10:0${5 + i}:00+08:00`,
    })),
    ...a.mediators.map((m, i) => ({
      signerRole: 'mediator' as const,
      mediatorId: m.id,
      signerName: m.name,
      identityVerified: true,
      imagePngBase64: signatureBase64(17 + i),
      signedAt: `${draft.date}T10:1${i}:00+08:00`,
    })),
  ];
  for (const s of sigs) {
    const r = addSignature(a, s, measurePngInk);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    a = r.value;
  }
  const sealed = affixSeal(a, `${draft.date}T10:20:00+08:00`);
  if (!sealed.ok) throw new Error(JSON.stringify(sealed.errors));
  return sealed.value;
}
