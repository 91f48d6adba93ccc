// The "zero false matches" fixture: tricky cases, each named, each asserting the exact outcome and why.
// A failing case here is either a false match or a missed one; neither may be waved through.
import { describe, expect, it } from 'vitest';
import type { NvdCpeMatch } from './cpe-criterion.js';
import { type AssetIdentity, type CsafProductEntry, matchCsaf, matchNvd, matchOsv } from './match.js';
import type { OsvAffected } from './osv.js';

type Expected = [boolean | 'version_unknown', string];
interface NvdCase { name: string; asset: AssetIdentity; criteria: NvdCpeMatch[]; expect: Expected }

const cpe = (product: string, version = '*', rest = '*:*:*:*:*:*:*'): string => `cpe:2.3:${product}:${version}:${rest}`;
const FORTIOS = 'o:fortinet:fortios';
const fortigate = (version: string): AssetIdentity => ({ cpe: cpe(FORTIOS, version) });
const range = (product: string, bounds: Omit<NvdCpeMatch, 'criteria'>): NvdCpeMatch => ({
  criteria: cpe(product), vulnerable: true, ...bounds,
});
const fortiosBelow725 = range(FORTIOS, { versionStartIncluding: '7.2.0', versionEndExcluding: '7.2.5' });

const NVD_CASES: NvdCase[] = [
  { name: '7.2.4 is inside [7.2.0, 7.2.5)', asset: fortigate('7.2.4'), criteria: [fortiosBelow725], expect: [true, 'matched'] },
  { name: '7.2.10 is not below 7.2.5 (numeric, not string order)', asset: fortigate('7.2.10'), criteria: [fortiosBelow725], expect: [false, 'outside_range'] },
  { name: 'versionEndExcluding: the end itself is not affected', asset: fortigate('7.2.5'), criteria: [fortiosBelow725], expect: [false, 'outside_range'] },
  { name: 'versionStartIncluding: the start itself is affected', asset: fortigate('7.2.0'), criteria: [fortiosBelow725], expect: [true, 'matched'] },
  { name: '7.0.12 is below the start', asset: fortigate('7.0.12'), criteria: [fortiosBelow725], expect: [false, 'outside_range'] },
  { name: 'versionEndIncluding: the end itself is affected', asset: fortigate('7.2.4'), criteria: [range(FORTIOS, { versionEndIncluding: '7.2.4' })], expect: [true, 'matched'] },
  { name: 'versionStartExcluding: the start itself is not affected', asset: fortigate('7.2.0'), criteria: [range(FORTIOS, { versionStartExcluding: '7.2.0' })], expect: [false, 'outside_range'] },
  { name: '7.2 equals 7.2.0 at an inclusive end', asset: fortigate('7.2'), criteria: [range(FORTIOS, { versionEndIncluding: '7.2.0' })], expect: [true, 'matched'] },
  { name: 'build suffix is the same release (7.2.4 build1396 <= 7.2.4)', asset: { vendor: 'Fortinet', product: 'FortiOS', version: '7.2.4 build1396' }, criteria: [range(FORTIOS, { versionEndIncluding: '7.2.4' })], expect: [true, 'matched'] },
  { name: 'patch letter: 2.8.123e is after 2.8.123', asset: { cpe: cpe('a:vendor:nas_os', '2.8.123e') }, criteria: [range('a:vendor:nas_os', { versionEndIncluding: '2.8.123' })], expect: [false, 'outside_range'] },
  { name: 'patch letter: 2.8.123e is before 2.8.124', asset: { cpe: cpe('a:vendor:nas_os', '2.8.123e') }, criteria: [range('a:vendor:nas_os', { versionEndExcluding: '2.8.124' })], expect: [true, 'matched'] },
  { name: 'patch letter against a fourth number cannot be ordered', asset: { cpe: cpe('a:vendor:nas_os', '2.8.123e') }, criteria: [range('a:vendor:nas_os', { versionEndExcluding: '2.8.123.1' })], expect: ['version_unknown', 'version_incomparable'] },
  { name: 'release candidate is before the release (1.0.0-rc.1 < 1.0.0)', asset: { cpe: cpe('a:acme:widget', '1.0.0-rc.1') }, criteria: [range('a:acme:widget', { versionEndExcluding: '1.0.0' })], expect: [true, 'matched'] },
  { name: 'Alpine-style revision 7.0.12-r1 is after 7.0.12', asset: { cpe: cpe('a:acme:widget', '7.0.12-r1') }, criteria: [range('a:acme:widget', { versionEndIncluding: '7.0.12' })], expect: [false, 'outside_range'] },
  { name: 'Check Point R80.40 is below R81', asset: { cpe: cpe('o:checkpoint:gaia_os', 'r80.40') }, criteria: [range('o:checkpoint:gaia_os', { versionEndExcluding: 'R81' })], expect: [true, 'matched'] },
  { name: 'Check Point R80.40 against a bare 80.40 bound cannot be ordered', asset: { cpe: cpe('o:checkpoint:gaia_os', 'r80.40') }, criteria: [range('o:checkpoint:gaia_os', { versionEndExcluding: '81' })], expect: ['version_unknown', 'version_incomparable'] },
  { name: 'Cisco IOS train versions are not guessed', asset: { cpe: cpe('o:cisco:ios', '15.2\\(4\\)m7') }, criteria: [range('o:cisco:ios', { versionEndExcluding: '15.2(4)M8' })], expect: ['version_unknown', 'version_incomparable'] },
  { name: 'asset version * never matches a range', asset: fortigate('*'), criteria: [fortiosBelow725], expect: ['version_unknown', 'asset_version_unknown'] },
  { name: 'asset version - never matches a range', asset: fortigate('-'), criteria: [fortiosBelow725], expect: ['version_unknown', 'asset_version_unknown'] },
  { name: 'empty typed version never matches a range', asset: { vendor: 'fortinet', product: 'fortios', version: '' }, criteria: [fortiosBelow725], expect: ['version_unknown', 'asset_version_unknown'] },
  { name: 'asset version * never matches a concrete version', asset: fortigate('*'), criteria: [{ criteria: cpe(FORTIOS, '7.2.4') }], expect: ['version_unknown', 'asset_version_unknown'] },
  { name: 'criterion version - matches only NA (not 7.2.4)', asset: fortigate('7.2.4'), criteria: [{ criteria: cpe(FORTIOS, '-') }], expect: [false, 'version_na_only'] },
  { name: 'criterion version - does not match an unknown version', asset: fortigate('*'), criteria: [{ criteria: cpe(FORTIOS, '-') }], expect: [false, 'version_na_only'] },
  { name: 'criterion version - matches an NA asset', asset: { cpe: cpe('h:fortinet:fortigate_60f', '-') }, criteria: [{ criteria: cpe('h:fortinet:fortigate_60f', '-') }], expect: [true, 'matched'] },
  { name: 'criterion * without range: every version, stated by the source', asset: fortigate('6.0.1'), criteria: [{ criteria: cpe(FORTIOS) }], expect: [true, 'matched'] },
  { name: 'criterion * without range covers an unknown version too', asset: fortigate('*'), criteria: [{ criteria: cpe(FORTIOS) }], expect: [true, 'matched'] },
  { name: 'exact version equal', asset: fortigate('7.2.4'), criteria: [{ criteria: cpe(FORTIOS, '7.2.4') }], expect: [true, 'matched'] },
  { name: 'exact version differs', asset: fortigate('7.2.40'), criteria: [{ criteria: cpe(FORTIOS, '7.2.4') }], expect: [false, 'different_version'] },
  { name: 'exact version with update: IE 8.0.6001 beta', asset: { cpe: 'cpe:2.3:a:microsoft:internet_explorer:8.0.6001:beta:*:*:*:*:*:*' }, criteria: [{ criteria: 'cpe:2.3:a:microsoft:internet_explorer:8.0.6001:beta:*:*:*:*:*:*' }], expect: [true, 'matched'] },
  { name: 'vendor and product case do not matter', asset: { cpe: 'cpe:2.3:a:Microsoft:Internet_Explorer:8.0.6001:beta:*:*:*:*:*:*' }, criteria: [{ criteria: 'cpe:2.3:a:microsoft:internet_explorer:8.0.6001:beta:*:*:*:*:*:*' }], expect: [true, 'matched'] },
  { name: 'IE 8.0.6001 release is not the beta', asset: { cpe: 'cpe:2.3:a:microsoft:internet_explorer:8.0.6001:-:*:*:*:*:*:*' }, criteria: [{ criteria: 'cpe:2.3:a:microsoft:internet_explorer:8.0.6001:beta:*:*:*:*:*:*' }], expect: [false, 'attribute_differs'] },
  { name: 'IE 8.0.6001 with no update said: cannot tell if beta', asset: { cpe: 'cpe:2.3:a:microsoft:internet_explorer:8.0.6001:*:*:*:*:*:*:*' }, criteria: [{ criteria: 'cpe:2.3:a:microsoft:internet_explorer:8.0.6001:beta:*:*:*:*:*:*' }], expect: ['version_unknown', 'asset_attribute_unspecified'] },
  { name: 'escaped colon in the vendor is matched literally', asset: { cpe: 'cpe:2.3:a:foo\\:bar:baz:1.0:*:*:*:*:*:*:*' }, criteria: [{ criteria: 'cpe:2.3:a:foo\\:bar:baz:*:*:*:*:*:*:*:*', versionEndIncluding: '1.0' }], expect: [true, 'matched'] },
  { name: 'escaped colon is not the same vendor as the part before it', asset: { cpe: 'cpe:2.3:a:foo:baz:1.0:*:*:*:*:*:*:*' }, criteria: [{ criteria: 'cpe:2.3:a:foo\\:bar:baz:*:*:*:*:*:*:*:*' }], expect: [false, 'no_criterion_for_product'] },
  { name: 'product prefix: fortios_ips is not fortios', asset: { cpe: cpe('o:fortinet:fortios_ips', '7.2.4') }, criteria: [fortiosBelow725], expect: [false, 'no_criterion_for_product'] },
  { name: 'product prefix: fortios is not fortios_ips', asset: fortigate('7.2.4'), criteria: [range('o:fortinet:fortios_ips', { versionEndExcluding: '8.0' })], expect: [false, 'no_criterion_for_product'] },
  { name: 'vendor alias: fortinet_inc is a different vendor', asset: { cpe: cpe('o:fortinet_inc:fortios', '7.2.4') }, criteria: [fortiosBelow725], expect: [false, 'no_criterion_for_product'] },
  { name: 'vendor alias: apache vs apache_software_foundation', asset: { vendor: 'Apache Software Foundation', product: 'tomcat', version: '9.0.1' }, criteria: [range('a:apache:tomcat', { versionEndExcluding: '9.0.99' })], expect: [false, 'no_criterion_for_product'] },
  { name: 'wildcard vendor in the asset never matches', asset: { cpe: cpe('o:*:fortios', '7.2.4') }, criteria: [fortiosBelow725], expect: [false, 'asset_not_specific'] },
  { name: 'wildcard product in the asset never matches', asset: { cpe: cpe('o:fortinet:*', '7.2.4') }, criteria: [fortiosBelow725], expect: [false, 'asset_not_specific'] },
  { name: 'vendor pattern in the asset never matches', asset: { cpe: cpe('o:forti*:fortios', '7.2.4') }, criteria: [fortiosBelow725], expect: [false, 'asset_not_specific'] },
  { name: 'vulnerable: false (platform only) is not a finding', asset: { cpe: cpe('o:microsoft:windows_10', '1607') }, criteria: [{ criteria: cpe('o:microsoft:windows_10'), vulnerable: false }], expect: [false, 'no_criterion_for_product'] },
  { name: 'target_hw x64 and the asset does not say', asset: { cpe: cpe('o:microsoft:windows_10_1607', '10.0.14393.100') }, criteria: [{ criteria: 'cpe:2.3:o:microsoft:windows_10_1607:*:*:*:*:*:*:x64:*', versionEndExcluding: '10.0.14393.5066' }], expect: ['version_unknown', 'asset_attribute_unspecified'] },
  { name: 'target_hw x64 against an x86 asset', asset: { cpe: 'cpe:2.3:o:microsoft:windows_10_1607:10.0.14393.100:*:*:*:*:*:x86:*' }, criteria: [{ criteria: 'cpe:2.3:o:microsoft:windows_10_1607:*:*:*:*:*:*:x64:*', versionEndExcluding: '10.0.14393.5066' }], expect: [false, 'attribute_differs'] },
  { name: 'a patched build of Windows is outside the range', asset: { cpe: 'cpe:2.3:o:microsoft:windows_10_1607:10.0.14393.5066:*:*:*:*:*:x64:*' }, criteria: [{ criteria: 'cpe:2.3:o:microsoft:windows_10_1607:*:*:*:*:*:*:x64:*', versionEndExcluding: '10.0.14393.5066' }], expect: [false, 'outside_range'] },
  { name: 'target_sw: a WordPress plugin range matches a wordpress target', asset: { cpe: 'cpe:2.3:a:vendor:contact_form:5.3:*:*:*:*:wordpress:*:*' }, criteria: [{ criteria: 'cpe:2.3:a:vendor:contact_form:*:*:*:*:*:wordpress:*:*', versionEndExcluding: '5.3.2' }], expect: [true, 'matched'] },
  { name: 'several criteria: the matching one is reported', asset: fortigate('7.0.3'), criteria: [fortiosBelow725, range(FORTIOS, { versionStartIncluding: '7.0.0', versionEndIncluding: '7.0.12' })], expect: [true, 'matched'] },
  { name: 'a pattern version in the criterion', asset: { cpe: cpe('a:acme:widget', '8.0.6001') }, criteria: [{ criteria: cpe('a:acme:widget', '8.0.*') }], expect: [true, 'matched'] },
  { name: 'a pattern version does not match 8.1', asset: { cpe: cpe('a:acme:widget', '8.1') }, criteria: [{ criteria: cpe('a:acme:widget', '8.0.*') }], expect: [false, 'different_version'] },
  { name: 'an invalid asset CPE is no match', asset: { cpe: 'cpe:/o:fortinet:fortios:7.2.4' }, criteria: [fortiosBelow725], expect: [false, 'invalid_asset_cpe'] },
];

describe('NVD criteria', () => {
  for (const c of NVD_CASES) {
    it(c.name, () => {
      const result = matchNvd(c.asset, c.criteria);
      expect([result.affected, result.reason.detail]).toEqual(c.expect);
    });
  }

  it('says which criterion and range matched', () => {
    const result = matchNvd(fortigate('7.0.3'), [fortiosBelow725, range(FORTIOS, { versionStartIncluding: '7.0.0', versionEndIncluding: '7.0.12' })]);
    expect(result.reason).toEqual({ source: 'nvd', criterion: cpe(FORTIOS), range: '>=7.0.0 <=7.0.12', detail: 'matched' });
  });
});

interface OsvCase { name: string; purl: string | undefined; affected: OsvAffected[]; expect: Expected }
const npmRange = (name: string, ...events: Array<Record<string, string>>): OsvAffected => ({
  package: { ecosystem: 'npm', name }, ranges: [{ type: 'SEMVER', events }],
});
const debian = (release: string, fixed: string): OsvAffected => ({
  package: { ecosystem: `Debian:${release}`, name: 'openssl' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed }] }],
});

const OSV_CASES: OsvCase[] = [
  { name: 'npm 1.0.0-rc.1 is before the fix 1.0.0', purl: 'pkg:npm/acme@1.0.0-rc.1', affected: [npmRange('acme', { introduced: '0' }, { fixed: '1.0.0' })], expect: [true, 'in_range'] },
  { name: 'npm fixed version is not affected', purl: 'pkg:npm/acme@1.0.0', affected: [npmRange('acme', { introduced: '0' }, { fixed: '1.0.0' })], expect: [false, 'outside_range'] },
  { name: 'last_affected includes itself', purl: 'pkg:npm/acme@2.3.0', affected: [npmRange('acme', { introduced: '2.0.0' }, { last_affected: '2.3.0' })], expect: [true, 'in_range'] },
  { name: 'last_affected excludes the next patch', purl: 'pkg:npm/acme@2.3.1', affected: [npmRange('acme', { introduced: '2.0.0' }, { last_affected: '2.3.0' })], expect: [false, 'outside_range'] },
  { name: 'two windows: between them is safe', purl: 'pkg:npm/acme@2.0.0', affected: [npmRange('acme', { introduced: '1.0.0' }, { fixed: '1.0.2' }, { introduced: '3.0.0' }, { fixed: '3.2.5' })], expect: [false, 'outside_range'] },
  { name: 'two windows: the second one', purl: 'pkg:npm/acme@3.2.4', affected: [npmRange('acme', { introduced: '1.0.0' }, { fixed: '1.0.2' }, { introduced: '3.0.0' }, { fixed: '3.2.5' })], expect: [true, 'in_range'] },
  { name: 'npm package name prefix: acme-utils is not acme', purl: 'pkg:npm/acme-utils@1.0.0', affected: [npmRange('acme', { introduced: '0' })], expect: [false, 'no_entry_for_package'] },
  { name: 'Debian epoch: 1:1.0 is after 2.0', purl: 'pkg:deb/debian/openssl@1:1.0-1?distro=debian-11', affected: [debian('11', '2.0-1')], expect: [false, 'outside_range'] },
  { name: 'Debian tilde: 3.0.11-1~deb12u1 is before 3.0.11-1', purl: 'pkg:deb/debian/openssl@3.0.11-1~deb12u1?distro=debian-12', affected: [debian('12', '3.0.11-1')], expect: [true, 'in_range'] },
  { name: 'Debian record for another release does not apply', purl: 'pkg:deb/debian/openssl@1.1.1n-0?distro=debian-12', affected: [debian('11', '1.1.1n-0+deb11u5')], expect: [false, 'no_entry_for_package'] },
  { name: 'Debian release not stated by the asset: cannot tell', purl: 'pkg:deb/debian/openssl@1.1.1n-0', affected: [debian('11', '1.1.1n-0+deb11u5')], expect: ['version_unknown', 'distribution_release_unknown'] },
  { name: 'PyPI name normalisation and PEP 440 order', purl: 'pkg:pypi/Django_Rest@1.0rc1', affected: [{ package: { ecosystem: 'PyPI', name: 'django.rest' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.0' }] }] }], expect: [true, 'in_range'] },
  { name: 'Maven: 2.15.0 is at the log4j fix', purl: 'pkg:maven/org.apache.logging.log4j/log4j-core@2.15.0', affected: [{ package: { ecosystem: 'Maven', name: 'org.apache.logging.log4j:log4j-core' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '2.0-beta9' }, { fixed: '2.15.0' }] }] }], expect: [false, 'outside_range'] },
  { name: 'Maven: 2.0-beta9 is the first affected', purl: 'pkg:maven/org.apache.logging.log4j/log4j-core@2.0-beta9', affected: [{ package: { ecosystem: 'Maven', name: 'org.apache.logging.log4j:log4j-core' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '2.0-beta9' }, { fixed: '2.15.0' }] }] }], expect: [true, 'in_range'] },
  { name: 'Go module with v prefix against a SEMVER range', purl: 'pkg:golang/github.com/gin-gonic/gin@v1.9.0', affected: [{ package: { ecosystem: 'Go', name: 'github.com/gin-gonic/gin' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.9.1' }] }] }], expect: [true, 'in_range'] },
  { name: 'GIT range only: unsupported, no match', purl: 'pkg:generic/libfoo@1.2.3', affected: [{ package: { ecosystem: 'GIT', name: 'libfoo', purl: 'pkg:generic/libfoo' }, ranges: [{ type: 'GIT', repo: 'https://example.org/libfoo', events: [{ introduced: '0' }] }] }], expect: [false, 'git_unsupported'] },
  { name: 'no version in the purl with a fixed range', purl: 'pkg:npm/acme', affected: [npmRange('acme', { introduced: '0' }, { fixed: '1.0.0' })], expect: ['version_unknown', 'asset_version_unknown'] },
  { name: 'no purl at all', purl: undefined, affected: [npmRange('acme', { introduced: '0' })], expect: [false, 'asset_has_no_purl'] },
];

describe('OSV records', () => {
  for (const c of OSV_CASES) {
    it(c.name, () => {
      const result = matchOsv(c.purl ? { purl: c.purl } : { vendor: 'x', product: 'y' }, { affected: c.affected });
      expect([result.affected, result.reason.detail]).toEqual(c.expect);
    });
  }
});

interface CsafCase { name: string; asset: AssetIdentity; products: CsafProductEntry[]; expect: Expected }
const fortiosProduct = (status: CsafProductEntry['status'], versionRange: string): CsafProductEntry => ({
  productId: 'CSAFPID-0001', status, cpe: cpe(FORTIOS), versionRange,
});

const CSAF_CASES: CsafCase[] = [
  { name: 'CSAF vers range holds 7.2.4', asset: fortigate('7.2.4'), products: [fortiosProduct('known_affected', 'vers:generic/>=7.2.0|<=7.2.4')], expect: [true, 'matched'] },
  { name: 'CSAF vers range excludes 7.2.10', asset: fortigate('7.2.10'), products: [fortiosProduct('known_affected', 'vers:generic/>=7.2.0|<=7.2.4')], expect: [false, 'outside_range'] },
  { name: 'CSAF fixed status is not a match', asset: fortigate('7.2.5'), products: [fortiosProduct('fixed', 'vers:generic/>=7.2.5')], expect: [false, 'status_fixed'] },
  { name: 'CSAF under_investigation is not a match', asset: fortigate('7.2.4'), products: [fortiosProduct('under_investigation', 'vers:generic/*')], expect: [false, 'status_under_investigation'] },
  { name: 'CSAF exact CPE with version (JVN style)', asset: { cpe: cpe('a:cybozu:garoon', '5.0.0') }, products: [{ productId: 'P1', status: 'known_affected', cpe: cpe('a:cybozu:garoon', '5.0.0') }], expect: [true, 'matched'] },
  { name: 'CSAF purl without version: every version', asset: { purl: 'pkg:npm/acme@0.1.0' }, products: [{ productId: 'P2', status: 'known_affected', purl: 'pkg:npm/acme' }], expect: [true, 'matched'] },
  { name: 'CSAF purl with another version', asset: { purl: 'pkg:npm/acme@0.1.0' }, products: [{ productId: 'P2', status: 'known_affected', purl: 'pkg:npm/acme@0.2.0' }], expect: [false, 'different_version'] },
  { name: 'CSAF range with unknown asset version', asset: fortigate('*'), products: [fortiosProduct('known_affected', 'vers:generic/>=7.2.0|<=7.2.4')], expect: ['version_unknown', 'asset_version_unknown'] },
  { name: 'CSAF product for another vendor', asset: { cpe: cpe('o:fortinet_inc:fortios', '7.2.4') }, products: [fortiosProduct('known_affected', 'vers:generic/*')], expect: [false, 'no_product_for_asset'] },
];

describe('CSAF products', () => {
  for (const c of CSAF_CASES) {
    it(c.name, () => {
      const result = matchCsaf(c.asset, c.products);
      expect([result.affected, result.reason.detail]).toEqual(c.expect);
    });
  }

  it('names the product id and range', () => {
    const result = matchCsaf(fortigate('7.2.4'), [fortiosProduct('known_affected', 'vers:generic/>=7.2.0|<=7.2.4')]);
    expect(result.reason).toEqual({ source: 'csaf', criterion: 'CSAFPID-0001', range: 'vers:generic/>=7.2.0|<=7.2.4', detail: 'matched' });
  });
});

it('has at least 60 named cases', () => {
  expect(NVD_CASES.length + OSV_CASES.length + CSAF_CASES.length).toBeGreaterThanOrEqual(60);
});

describe('OSV distribution releases', () => {
  const ubuntu = (ecosystem: string): OsvAffected => ({
    package: { ecosystem, name: 'openssl' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '3.0.2-0ubuntu1.10' }] }],
  });
  const cases: Array<[string, string, string, Expected]> = [
    ['Ubuntu LTS suffix matches ubuntu-22.04', 'pkg:deb/ubuntu/openssl@3.0.2-0ubuntu1.9?distro=ubuntu-22.04', 'Ubuntu:22.04:LTS', [true, 'in_range']],
    ['Ubuntu 20.04 asset and a 22.04 record', 'pkg:deb/ubuntu/openssl@3.0.2-0ubuntu1.9?distro=ubuntu-20.04', 'Ubuntu:22.04:LTS', [false, 'no_entry_for_package']],
    ['Ubuntu Pro stream is not guessed', 'pkg:deb/ubuntu/openssl@3.0.2-0ubuntu1.9?distro=ubuntu-18.04', 'Ubuntu:Pro:18.04:LTS', ['version_unknown', 'distribution_release_unknown']],
    ['Debian codename is not mapped', 'pkg:deb/debian/openssl@3.0.2-0ubuntu1.9?distro=bookworm', 'Debian:12', ['version_unknown', 'distribution_release_unknown']],
  ];
  for (const [name, purl, ecosystem, expected] of cases) {
    it(name, () => {
      const result = matchOsv({ purl }, { affected: [ubuntu(ecosystem)] });
      expect([result.affected, result.reason.detail]).toEqual(expected);
    });
  }
});
