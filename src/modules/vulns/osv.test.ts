import { describe, expect, it } from 'vitest';
import { describeOsvRange, evaluateOsvAffected, evaluateOsvRange, type OsvRange } from './osv.js';
import { osvPackageOf, parsePurl, PurlSyntaxError, samePackage, versionSchemeForPurlType } from './purl.js';
import { parseVers, versContains } from './vers.js';

const semverRange = (...events: OsvRange['events']): OsvRange => ({ type: 'SEMVER', events });

describe('purl', () => {
  it('parses and normalises through packageurl-js', () => {
    expect(parsePurl('pkg:pypi/Django_Rest@1.0')).toMatchObject({ type: 'pypi', name: 'django-rest', version: '1.0' });
    expect(parsePurl('pkg:deb/debian/openssl@1.1.1n-0%2Bdeb11u3?arch=amd64&distro=debian-11')).toMatchObject({
      namespace: 'debian', version: '1.1.1n-0+deb11u3', qualifiers: { arch: 'amd64', distro: 'debian-11' },
    });
    expect(() => parsePurl('npm/left-pad@1.0.0')).toThrow(PurlSyntaxError);
  });

  it('maps purl types to comparators, and refuses unknown types', () => {
    expect(versionSchemeForPurlType('deb')).toBe('debian');
    expect(versionSchemeForPurlType('golang')).toBe('golang');
    expect(versionSchemeForPurlType('conan')).toBeNull();
  });

  it('names the OSV package of a purl', () => {
    expect(osvPackageOf(parsePurl('pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1')))
      .toEqual({ ecosystem: 'Maven', name: 'org.apache.logging.log4j:log4j-core' });
    expect(osvPackageOf(parsePurl('pkg:npm/%40angular/core@1.0.0'))).toEqual({ ecosystem: 'npm', name: '@angular/core' });
    expect(osvPackageOf(parsePurl('pkg:golang/github.com/gin-gonic/gin@v1.9.0')))
      .toEqual({ ecosystem: 'Go', name: 'github.com/gin-gonic/gin' });
    expect(osvPackageOf(parsePurl('pkg:deb/ubuntu/openssl@3.0.2'))).toEqual({ ecosystem: 'Ubuntu', name: 'openssl' });
    expect(osvPackageOf(parsePurl('pkg:conan/zlib@1.2.13'))).toBeNull();
  });

  it('compares packages without versions, case-insensitively only where the registry is', () => {
    expect(samePackage(parsePurl('pkg:nuget/Newtonsoft.Json@13.0.1'), parsePurl('pkg:nuget/newtonsoft.json'))).toBe(true);
    expect(samePackage(parsePurl('pkg:maven/org.x/Foo'), parsePurl('pkg:maven/org.x/foo'))).toBe(false);
    expect(samePackage(parsePurl('pkg:npm/lodash'), parsePurl('pkg:npm/lodash-es'))).toBe(false);
  });
});

describe('OSV range evaluation', () => {
  const twoWindows = semverRange({ introduced: '1.0.0' }, { fixed: '1.0.2' }, { introduced: '3.0.0' }, { fixed: '3.2.5' });
  const cases: Array<[string, string | null, OsvRange, boolean | 'version_unknown']> = [
    ['every version', '9.9.9', semverRange({ introduced: '0' }), true],
    ['every version, unknown asset version', null, semverRange({ introduced: '0' }), true],
    ['before fixed', '1.0.1', semverRange({ introduced: '0' }, { fixed: '1.0.2' }), true],
    ['at fixed', '1.0.2', semverRange({ introduced: '0' }, { fixed: '1.0.2' }), false],
    ['pre-release of the fix is before it', '1.0.2-rc.1', semverRange({ introduced: '0' }, { fixed: '1.0.2' }), true],
    ['at last_affected', '1.0.2', semverRange({ introduced: '0' }, { last_affected: '1.0.2' }), true],
    ['after last_affected', '1.0.3', semverRange({ introduced: '0' }, { last_affected: '1.0.2' }), false],
    ['first window', '1.0.0', twoWindows, true], ['between windows', '2.0.0', twoWindows, false],
    ['second window', '3.2.4', twoWindows, true], ['after both', '3.2.5', twoWindows, false],
    ['events out of order', '3.1.0', semverRange({ fixed: '3.2.5' }, { introduced: '3.0.0' }), true],
    ['limit below', '1.5.0', semverRange({ introduced: '1.0.0' }, { limit: '2.0.0' }), true],
    ['limit reached', '2.0.0', semverRange({ introduced: '1.0.0' }, { limit: '2.0.0' }), false],
    ['limit *', '9.0.0', semverRange({ introduced: '1.0.0' }, { limit: '*' }), true],
    ['introduced and fixed at the same version', '1.0.0', semverRange({ introduced: '1.0.0' }, { fixed: '1.0.0' }), false],
    ['unknown asset version with a fix', null, semverRange({ introduced: '0' }, { fixed: '1.0.2' }), 'version_unknown'],
    ['not SemVer', '1.0', semverRange({ introduced: '0' }, { fixed: '1.0.2' }), 'version_unknown'],
    ['go "v" stripped for SEMVER', 'v1.0.1', semverRange({ introduced: '0' }, { fixed: '1.0.2' }), true],
    ['invalid: fixed and last_affected', '1.0.0', semverRange({ introduced: '0' }, { fixed: '2' }, { last_affected: '1' }), false],
    ['invalid: two kinds in one event', '1.0.0', semverRange({ introduced: '0', fixed: '2.0.0' }), false],
    ['GIT never matches', 'abc', { type: 'GIT', repo: 'https://x', events: [{ introduced: '0' }] }, false],
  ];
  for (const [name, version, range, expected] of cases) {
    it(name, () => expect(evaluateOsvRange(version, range, 'golang').affected).toBe(expected));
  }

  it('says why: GIT unsupported, invalid range', () => {
    expect(evaluateOsvRange('1', { type: 'GIT', events: [{ introduced: 'a' }] }, 'npm').detail).toBe('git_unsupported');
    expect(evaluateOsvRange('1.0.0', semverRange({ fixed: '1.0.0' }), 'npm').detail).toBe('invalid_range');
  });

  it('evaluates ECOSYSTEM ranges with the ecosystem comparator', () => {
    const range: OsvRange = { type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1:1.2-1' }] };
    expect(evaluateOsvRange('1.9-1', range, 'debian').affected).toBe(true); // epoch 0 < epoch 1
    expect(evaluateOsvRange('1:1.2-1~deb11u1', range, 'debian').affected).toBe(true);
    expect(evaluateOsvRange('1:1.2-1', range, 'debian').affected).toBe(false);
  });

  it('uses the exact versions list before the ranges', () => {
    const affected = { versions: ['1.0', '1.1'], ranges: [] };
    expect(evaluateOsvAffected('1.1.0', affected, 'pypi')).toEqual({ affected: true, detail: 'listed_version', range: '=1.1' });
    expect(evaluateOsvAffected('1.2', affected, 'pypi').affected).toBe(false);
    expect(evaluateOsvAffected(null, affected, 'pypi').affected).toBe('version_unknown');
  });

  it('describes ranges in plain notation', () => {
    expect(describeOsvRange(twoWindows)).toBe('>=1.0.0 <1.0.2 || >=3.0.0 <3.2.5');
    expect(describeOsvRange(semverRange({ introduced: '0' }, { last_affected: '2.0' }))).toBe('>=0 <=2.0');
  });
});

describe('vers ranges', () => {
  const cases: Array<[string, string, boolean | null]> = [
    ['vers:npm/>=1.0.0|<2.0.0', '1.5.0', true], ['vers:npm/>=1.0.0|<2.0.0', '2.0.0', false],
    ['vers:npm/>=1.0.0|<2.0.0|>=3.0.0|<3.1.0', '3.0.5', true], ['vers:npm/>=1.0.0|<2.0.0|>=3.0.0|<3.1.0', '2.5.0', false],
    ['vers:npm/<1.0.0', '0.9.0', true], ['vers:npm/>=5.0.0', '6.0.0', true], ['vers:npm/1.2.3', '1.2.3', true],
    ['vers:npm/>=1.0.0|!=1.2.0|<2.0.0', '1.2.0', false], ['vers:npm/*', '0.0.1', true],
    ['vers:generic/>=7.2.0|<=7.2.4', '7.2.4', true], ['vers:generic/>=7.2.0|<=7.2.4', '7.2.10', false],
    ['vers:intdot/>=10|<11', '10.5', true], ['vers:npm/>=1.0.0|<2.0.0', 'not-semver', null],
  ];
  for (const [spec, version, expected] of cases) {
    it(`${version} in ${spec} is ${expected}`, () => {
      const range = parseVers(spec);
      expect(range).not.toBeNull();
      expect(versContains(range as NonNullable<typeof range>, version)).toBe(expected);
    });
  }
  it('refuses malformed vers and unknown schemes', () => {
    expect(parseVers('npm/>=1.0.0')).toBeNull();
    expect(parseVers('vers:conan/>=1.0.0')).toBeNull();
  });
});
