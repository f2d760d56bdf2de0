import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from './chromium';

const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));

// Anything beyond this list is a new power over the user's browser and must be argued for in review.
describe('the built manifest asks only for what Dubao needs', () => {
  it('has exactly the expected permissions', () => {
    expect([...manifest.permissions].sort()).toEqual(['contextMenus', 'scripting', 'storage']);
    expect(manifest.host_permissions).toEqual(['<all_urls>']);
    expect(manifest.optional_host_permissions ?? []).toEqual(['http://127.0.0.1:8765/*']);
  });

  it('declares the detector for every page and frame, and no other static content script', () => {
    expect(manifest.content_scripts).toHaveLength(1);
    const [cs] = manifest.content_scripts;
    expect(cs.js).toEqual(['detector.js']);
    expect(cs.all_frames).toBe(true);
    expect(cs.run_at).toBe('document_end');
  });

  it('is MV3 with a service worker background', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.background.service_worker).toBe('background.js');
  });
});
