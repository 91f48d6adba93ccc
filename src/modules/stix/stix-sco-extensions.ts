// The predefined cyber-observable extensions (§6), by the object type they apply to.
import {
  bool, dict, EXPECT, hashes, hex, int, list, num, oneOf, ref, refList, str, strList, target, timestamp, type Check,
} from './stix-checks.js';
import { nested, shape, type Shape } from './stix-shape.js';

export const strOrInt: Check = (v, s) => {
  if (typeof v !== 'string' && !(typeof v === 'number' && Number.isInteger(v))) s.report('property-type', EXPECT.stringOrInteger);
};

const keysOf = (props: Record<string, Check>): string[] => Object.keys(props);

function someOf(name: string, props: Record<string, Check>, required: string[] = []): Shape {
  return shape(name, props, { required, atLeastOne: keysOf(props) });
}

const ALTERNATE_DATA_STREAM = shape('alternate-data-stream', { name: str, hashes, size: int(0) }, { required: ['name'] });

const OPTIONAL_HEADER_PROPS: Record<string, Check> = {
  magic_hex: hex, major_linker_version: int(), minor_linker_version: int(), size_of_code: int(0),
  size_of_initialized_data: int(0), size_of_uninitialized_data: int(0), address_of_entry_point: int(), base_of_code: int(),
  base_of_data: int(), image_base: int(), section_alignment: int(), file_alignment: int(), major_os_version: int(),
  minor_os_version: int(), major_image_version: int(), minor_image_version: int(), major_subsystem_version: int(),
  minor_subsystem_version: int(), win32_version_value_hex: hex, size_of_image: int(0), size_of_headers: int(0),
  checksum_hex: hex, subsystem_hex: hex, dll_characteristics_hex: hex, size_of_stack_reserve: int(0),
  size_of_stack_commit: int(0), size_of_heap_reserve: int(0), size_of_heap_commit: int(0), loader_flags_hex: hex,
  number_of_rva_and_sizes: int(), hashes,
};

const PE_SECTION = shape('windows-pe-section', { name: str, size: int(0), entropy: num(), hashes }, { required: ['name'] });

export const FILE_EXTENSIONS: ReadonlyMap<string, Shape> = new Map([
  ['archive-ext', shape('archive-ext', { contains_refs: refList(target(['file', 'directory'])), comment: str }, { required: ['contains_refs'] })],
  ['ntfs-ext', someOf('ntfs-ext', { sid: str, alternate_data_streams: list(nested(ALTERNATE_DATA_STREAM)) })],
  ['pdf-ext', someOf('pdf-ext', { version: str, is_optimized: bool, document_info_dict: dict(str), pdfid0: str, pdfid1: str })],
  ['raster-image-ext', someOf('raster-image-ext', { image_height: int(), image_width: int(), bits_per_pixel: int(), exif_tags: dict(strOrInt) })],
  ['windows-pebinary-ext', shape('windows-pebinary-ext', {
    pe_type: str, imphash: str, machine_hex: hex, number_of_sections: int(0), time_date_stamp: timestamp('second'),
    pointer_to_symbol_table_hex: hex, number_of_symbols: int(0), size_of_optional_header: int(0), characteristics_hex: hex,
    file_header_hashes: hashes, optional_header: nested(someOf('windows-pe-optional-header-type', OPTIONAL_HEADER_PROPS)),
    sections: list(nested(PE_SECTION)),
  }, { required: ['pe_type'] })],
]);

const ARTIFACT = target(['artifact']);

export const NETWORK_TRAFFIC_EXTENSIONS: ReadonlyMap<string, Shape> = new Map([
  ['http-request-ext', shape('http-request-ext', {
    request_method: str, request_value: str, request_version: str, request_header: dict(), message_body_length: int(0),
    message_body_data_ref: ref(ARTIFACT),
  }, { required: ['request_method', 'request_value'] })],
  ['icmp-ext', shape('icmp-ext', { icmp_type_hex: hex, icmp_code_hex: hex }, { required: ['icmp_type_hex', 'icmp_code_hex'] })],
  ['socket-ext', shape('socket-ext', {
    address_family: oneOf(['AF_UNSPEC', 'AF_INET', 'AF_IPX', 'AF_APPLETALK', 'AF_NETBIOS', 'AF_INET6', 'AF_IRDA', 'AF_BTH']),
    is_blocking: bool, is_listening: bool, options: dict(int()),
    socket_type: oneOf(['SOCK_STREAM', 'SOCK_DGRAM', 'SOCK_RAW', 'SOCK_RDM', 'SOCK_SEQPACKET']),
    socket_descriptor: int(0), socket_handle: int(),
  }, { required: ['address_family'] })],
  ['tcp-ext', someOf('tcp-ext', { src_flags_hex: hex, dst_flags_hex: hex })],
]);

export const PROCESS_EXTENSIONS: ReadonlyMap<string, Shape> = new Map([
  ['windows-process-ext', someOf('windows-process-ext', {
    aslr_enabled: bool, dep_enabled: bool, priority: str, owner_sid: str, window_title: str, startup_info: dict(),
    integrity_level: oneOf(['low', 'medium', 'high', 'system']),
  })],
  ['windows-service-ext', someOf('windows-service-ext', {
    service_name: str, descriptions: strList, display_name: str, group_name: str,
    start_type: oneOf(['SERVICE_AUTO_START', 'SERVICE_BOOT_START', 'SERVICE_DEMAND_START', 'SERVICE_DISABLED', 'SERVICE_SYSTEM_ALERT']),
    service_dll_refs: refList(target(['file'])),
    service_type: oneOf(['SERVICE_KERNEL_DRIVER', 'SERVICE_FILE_SYSTEM_DRIVER', 'SERVICE_WIN32_OWN_PROCESS', 'SERVICE_WIN32_SHARE_PROCESS']),
    service_status: oneOf([
      'SERVICE_CONTINUE_PENDING', 'SERVICE_PAUSE_PENDING', 'SERVICE_PAUSED', 'SERVICE_RUNNING', 'SERVICE_START_PENDING',
      'SERVICE_STOP_PENDING', 'SERVICE_STOPPED',
    ]),
  })],
]);

export const USER_ACCOUNT_EXTENSIONS: ReadonlyMap<string, Shape> = new Map([
  ['unix-account-ext', someOf('unix-account-ext', { gid: int(), groups: strList, home_dir: str, shell: str })],
]);

/** Every predefined extension name, to tell "not for this type" from "unknown". */
export const PREDEFINED_EXTENSION_NAMES: ReadonlySet<string> = new Set([
  ...FILE_EXTENSIONS.keys(), ...NETWORK_TRAFFIC_EXTENSIONS.keys(), ...PROCESS_EXTENSIONS.keys(), ...USER_ACCOUNT_EXTENSIONS.keys(),
]);
