// Test vectors from each scheme's own documentation or test suite (read, not copied as code):
// dpkg scripts/t/Dpkg_Version.t and Debian Policy §5.6.12, rpm tests/rpmvercmp.at, Maven ComparableVersionTest,
// PEP 440's ordering example, SemVer 2.0 §11, Gem::Version and PHP version_compare documentation.
import { describe, expect, it } from 'vitest';
import { compareVersions, type VersionScheme } from './versions.js';

type Vector = [string, string, -1 | 0 | 1];

function checkVectors(scheme: VersionScheme, vectors: Vector[]): void {
  for (const [a, b, expected] of vectors) {
    it(`${a} vs ${b} = ${expected}`, () => {
      expect(compareVersions(scheme, a, b)).toBe(expected);
      expect(compareVersions(scheme, b, a)).toBe(expected === 0 ? 0 : -expected);
    });
  }
}

/** Every earlier entry is lower than every later one. */
function checkOrder(scheme: VersionScheme, ordered: string[]): void {
  it(`orders ${ordered.join(' < ')}`, () => {
    for (let i = 0; i < ordered.length; i++) {
      for (let j = i + 1; j < ordered.length; j++) {
        expect([ordered[i], ordered[j], compareVersions(scheme, ordered[i] as string, ordered[j] as string)])
          .toEqual([ordered[i], ordered[j], -1]);
      }
    }
  });
}

describe('debian (dpkg)', () => {
  // scripts/t/Dpkg_Version.t; "-0.6.5" (empty upstream) is left out: we refuse it, see below.
  checkVectors('debian', [
    ['1.0-1', '2.0-2', -1], ['2.2~rc-4', '2.2-1', -1], ['1.0000-1', '1.0-1', 0], ['1', '0:1', 0],
    ['0', '0:0-0', 0], ['2:2.5', '1:7.5', 1], ['1:0foo', '0foo', 1], ['0:0foo', '0foo', 0], ['0foo-', '0foo', 0],
    ['0foo-', '0foo-0', 0], ['0foo', '0fo', 1], ['0foo-', '0foo+', -1], ['0foo~1', '0foo', -1],
    ['0foo~foo+Bar', '0foo~foo+bar', -1], ['0foo~~', '0foo~', -1], ['1~', '1', -1],
    ['12345+that-really-is-some-ver-0', '12345+that-really-is-some-ver-10', -1], ['0foo-0', '0foo-01', -1],
    ['0foo.bar', '0foobar', 1], ['0foo.bar', '0foo1bar', 1], ['0foo.bar', '0foo0bar', 1],
    ['0foo1bar-1', '0foobar-1', -1], ['0foo2.0', '0foo2', 1], ['0foo2.0.0', '0foo2.10.0', -1],
    ['0foo2.0', '0foo2.0.0', -1], ['0foo2.0', '0foo2.10', -1], ['0foo2.1', '0foo2.10', -1], ['1.09', '1.9', 0],
    ['1.0.8+nmu1', '1.0.8', 1], ['3.11', '3.10+nmu1', 1], ['0.9j-20080306-4', '0.9i-20070324-2', 1],
    ['1.2.0~b7-1', '1.2.0~b6-1', 1], ['1.011-1', '1.06-2', 1], ['0.0.9+dfsg1-1', '0.0.8+dfsg1-3', 1],
    ['4.6.99+svn6582-1', '4.6.99+svn6496-1', 1], ['53', '52', 1], ['0.9.9~pre122-1', '0.9.9~pre111-1', 1],
    ['2:2.3.2-2+lenny2', '2:2.3.2-2', 1], ['1:3.8.1-1', '3.8.GA-1', 1], ['1.0.1+gpl-1', '1.0.1-2', 1],
    ['1a', '1000a', -1],
  ]);
  // Debian Policy §5.6.12: "~~, ~~a, ~, the empty part, a".
  checkOrder('debian', ['1.0~~', '1.0~~a', '1.0~', '1.0', '1.0a']);
  it('refuses what is not a Debian version', () => {
    expect(compareVersions('debian', '-0.6.5', '0.9.1')).toBeNull();
    expect(compareVersions('debian', 'a1.0', '1.0')).toBeNull();
    expect(compareVersions('debian', 'x:1.0', '1.0')).toBeNull();
    expect(compareVersions('debian', '1.0 beta', '1.0')).toBeNull();
  });
});

describe('rpm (rpmvercmp)', () => {
  // tests/rpmvercmp.at
  checkVectors('rpm', [
    ['1.0', '1.0', 0], ['1.0', '2.0', -1], ['2.0.1', '2.0.1', 0], ['2.0', '2.0.1', -1], ['2.0.1a', '2.0.1a', 0],
    ['2.0.1a', '2.0.1', 1], ['5.5p1', '5.5p1', 0], ['5.5p1', '5.5p2', -1], ['5.5p10', '5.5p10', 0],
    ['5.5p1', '5.5p10', -1], ['10xyz', '10.1xyz', -1], ['xyz10', 'xyz10', 0], ['xyz10', 'xyz10.1', -1],
    ['xyz.4', 'xyz.4', 0], ['xyz.4', '8', -1], ['xyz.4', '2', -1], ['5.5p2', '5.6p1', -1], ['5.6p1', '6.5p1', -1],
    ['6.0.rc1', '6.0', 1], ['10b2', '10a1', 1], ['10a2', '10b2', -1], ['1.0aa', '1.0aa', 0], ['1.0a', '1.0aa', -1],
    ['10.0001', '10.0001', 0], ['10.0001', '10.1', 0], ['10.0001', '10.0039', -1], ['4.999.9', '5.0', -1],
    ['20101121', '20101121', 0], ['20101121', '20101122', -1], ['2_0', '2_0', 0], ['2.0', '2_0', 0],
    ['a', 'a', 0], ['a+', 'a+', 0], ['a+', 'a_', 0], ['+a', '+a', 0], ['+a', '_a', 0], ['+_', '+_', 0],
    ['_+', '+_', 0], ['+', '_', 0], ['1.0~rc1', '1.0~rc1', 0], ['1.0~rc1', '1.0', -1], ['1.0~rc1', '1.0~rc2', -1],
    ['1.0~rc1~git123', '1.0~rc1~git123', 0], ['1.0~rc1~git123', '1.0~rc1', -1],
    // caret: post-release snapshot, above the release but below the next version
    ['1.0^', '1.0', 1], ['1.0^git1', '1.0', 1], ['1.0^git1', '1.0.1', -1], ['1.0^git1', '1.0^git2', -1],
    ['1.0~rc1^git1', '1.0~rc1', 1], ['1.0~rc1^git1', '1.0', -1],
  ]);
  it('compares epoch and release, and refuses non-ASCII', () => {
    expect(compareVersions('rpm', '1:1.0-1.el8', '2.0-1.el8')).toBe(1);
    expect(compareVersions('rpm', '0:1.0-2.el8', '1.0-10.el8')).toBe(-1);
    expect(compareVersions('rpm', '1.0-1.el8_9', '1.0-1.el8_10')).toBe(-1);
    expect(compareVersions('rpm', '1.0', '1.0-1')).toBe(-1);
    expect(compareVersions('rpm', '1.1.α', '1.1.β')).toBeNull();
  });
});

describe('maven (ComparableVersion)', () => {
  // ComparableVersionTest: VERSIONS_QUALIFIER and VERSIONS_NUMBER
  checkOrder('maven', [
    '1-alpha2snapshot', '1-alpha2', '1-alpha-123', '1-beta-2', '1-beta123', '1-m2', '1-m11', '1-rc', '1-cr2',
    '1-rc123', '1-SNAPSHOT', '1', '1-sp', '1-sp2', '1-sp123', '1-abc', '1-def', '1-pom-1', '1-1-snapshot', '1-1',
    '1-2', '1-123',
  ]);
  checkOrder('maven', [
    '2.0', '2.0.a', '2-1', '2.0.2', '2.0.123', '2.1.0', '2.1-a', '2.1b', '2.1-c', '2.1-1', '2.1.0.1', '2.2', '2.123',
    '11.a2', '11.a11', '11.b2', '11.b11', '11.m2', '11.m11', '11', '11.a', '11b', '11c', '11m',
  ]);
  checkVectors('maven', [
    ['1', '1.0', 0], ['1', '1.0.0', 0], ['1', '1-0', 0], ['1.0', '1.0-0', 0], ['1a', '1-a', 0], ['1a', '1.0.0-a', 0],
    ['1.0a', '1-a', 0], ['1x', '1.0-x', 0], ['1cr', '1rc', 0], ['1a1', '1-alpha-1', 0], ['1b2', '1-beta-2', 0],
    ['1m3', '1-milestone-3', 0], ['1X', '1x', 0], ['1Cr', '1Rc', 0], ['1m3', '1MILESTONE3', 0], ['1ga', '1', 0],
    ['1release', '1', 0], ['1FINAL', '1', 0], ['1', '2', -1], ['1.5', '2', -1], ['1.0.1', '1.1', -1],
    ['1.0-alpha-1', '1.0', -1], ['1.0-alpha-1', '1.0-beta-1', -1], ['1.0-beta-1', '1.0-SNAPSHOT', -1],
    ['1.0-SNAPSHOT', '1.0', -1], ['1.0-alpha-1-SNAPSHOT', '1.0-alpha-1', -1], ['1.0', '1.0-1', -1],
    ['1.0.0', '1.0-1', -1], ['2.0-1', '2.0.1', -1], ['2.0.1-klm', '2.0.1-lmn', -1], ['2.0.1', '2.0.1-xyz', -1],
    ['2.0.1', '2.0.1-123', -1], ['2.0.1-xyz', '2.0.1-123', -1], ['0.2', '1.0.7', -1], ['6.1.0rc3', '6.1.0', -1],
    ['6.1.0rc3', '6.1H.5-beta', -1], ['6.1.0', '6.1H.5-beta', -1], ['20190126.230843', '1234567890.12345', -1],
    ['1234567890.12345', '123456789012345.1H.5-beta', -1], ['0000000000000000001', '1', 0],
    ['1-0.alpha', '1', -1], ['1-0.beta', '1', -1], ['1-0.alpha', '1-0.beta', -1], ['1.0.0.RC1', '1.0.0-RC2', -1],
    ['2-abc', '2.0.abc', 0], ['2-abc', '2.0.0.abc', 0], ['2.14.1', '2.15.0', -1], ['2.17.0', '2.17.0-rc1', 1],
  ]);
});

describe('pypi (PEP 440)', () => {
  // PEP 440, "Summary of permitted suffixes and relative ordering"
  checkOrder('pypi', [
    '1.dev0', '1.0.dev456', '1.0a1', '1.0a2.dev456', '1.0a12.dev456', '1.0a12', '1.0b1.dev456', '1.0b2',
    '1.0b2.post345.dev456', '1.0b2.post345', '1.0rc1.dev456', '1.0rc1', '1.0', '1.0+abc.5', '1.0+abc.7', '1.0+5',
    '1.0.post456.dev34', '1.0.post456', '1.0.15', '1.1.dev1',
  ]);
  checkVectors('pypi', [['1.0', '1.0.0', 0], ['1!1.0', '2.0', 1], ['1.0c1', '1.0rc1', 0], ['2.2.28', '2.2.3', 1]]);
  it('refuses what PEP 440 does not parse', () => {
    expect(compareVersions('pypi', 'not-a-version', '1.0')).toBeNull();
  });
});

describe('semver, npm, cargo and golang', () => {
  // SemVer 2.0 §11
  checkOrder('npm', [
    '1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11',
    '1.0.0-rc.1', '1.0.0',
  ]);
  checkVectors('cargo', [['1.0.0+build.1', '1.0.0', 0], ['2.10.0', '2.9.0', 1]]);
  checkVectors('golang', [
    ['v1.9.0', 'v1.10.0', -1], ['v0.0.0-20210101000000-abcdef123456', 'v0.1.0', -1], ['v2.0.0+incompatible', 'v2.0.0', 0],
  ]);
  it('refuses partial or prefixed forms where the scheme does', () => {
    expect(compareVersions('npm', '1.0', '1.0.0')).toBeNull();
    expect(compareVersions('golang', '1.2.3', 'v1.2.3')).toBeNull();
  });
});

describe('nuget, gem, composer', () => {
  checkVectors('nuget', [
    ['1.0.0.1', '1.0.0', 1], ['1.0', '1.0.0.0', 0], ['1.0.0-RC1', '1.0.0-rc1', 0], ['1.0.0-beta', '1.0.0', -1],
    ['13.0.1', '13.0.3', -1],
  ]);
  // Gem::Version: a letter segment is a pre-release
  checkOrder('gem', ['1.0.a', '1.0.b1', '1.0.pre', '1.0.rc1', '1.0', '1.0.1', '1.1']);
  checkVectors('gem', [['1.0.0', '1', 0], ['1.0-1', '1.0.pre.1', 0], ['7.0.8.4', '7.0.8', 1]]);
  // PHP version_compare: dev < alpha = a < beta = b < RC = rc < # < pl = p
  checkOrder('composer', ['1.0-dev', '1.0alpha1', '1.0-beta2', '1.0-RC1', '1.0', '1.0.1', '1.1']);
  // As in PHP, "pl"/"p" outranks a number in the same place: version_compare('1.0pl1', '1.0.1') is 1.
  checkVectors('composer', [
    ['v1.2.3', '1.2.3', 0], ['5.4.10', '5.4.9', 1], ['1.0a1', '1.0alpha1', 0], ['1.0pl1', '1.0', 1],
    ['1.0pl1', '1.0.1', 1],
  ]);
});

describe('generic (vendor firmware and CPE versions)', () => {
  checkVectors('generic', [
    ['7.2.4', '7.2.10', -1], ['7.2', '7.2.0', 0], ['7.2', '7.2.1', -1], ['2.8.123e', '2.8.123', 1],
    ['2.8.123e', '2.8.123f', -1], ['2.8.123e', '2.8.124', -1], ['1.0.2k', '1.0.2', 1], ['1.0.0-rc.1', '1.0.0', -1],
    ['1.0.0-rc1', '1.0.0-rc.2', -1], ['1.0-beta', '1.0-rc1', -1], ['1.0-rc1', '1.0.0-rc1', 0], ['1.0-rc1', '1.0.1', -1],
    ['7.0.12-r1', '7.0.12', 1], ['7.0.12-r1', '7.0.12-r2', -1], ['7.0.12-r1', '7.0.13', -1], ['R80.40', 'R81', -1],
    ['R80.40', 'r80.30', 1], ['v1.2', '1.2.0', 0], ['7.2.4 build1396', '7.2.4', 0], ['7.2.4-build1396', '7.2.5', -1],
    ['7.2.4 build1396', '7.2.4 build1400', -1], ['10.0.19045.2965', '10.0.19045.3803', -1], ['7.4p1', '7.4', 1],
    ['7.4p1', '7.4p2', -1], ['5.0 sp1', '5.0 sp2', -1], ['8.0.6001', '8.0.6001.0', 0], ['001.2', '1.2', 0],
  ]);
  it('answers null rather than guess', () => {
    expect(compareVersions('generic', 'R80.40', '80.40')).toBeNull(); // different product-line prefixes
    expect(compareVersions('generic', '7.4p1', '7.4r1')).toBeNull(); // two different post-release scales
    expect(compareVersions('generic', '2.8.123e', '2.8.123.1')).toBeNull(); // letter against a fourth number
    expect(compareVersions('generic', '1.0-foo', '1.0-bar')).toBeNull(); // unknown words
    expect(compareVersions('generic', '15.2(4)M7', '15.2(4)M8')).toBeNull(); // characters outside the scheme
    expect(compareVersions('generic', 'latest', '1.0')).toBeNull();
    expect(compareVersions('generic', '', '1.0')).toBeNull();
  });
});
