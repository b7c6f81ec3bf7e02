import { generateCountyGeography } from '@hewei/domain';
import type { OrgSpec } from './org.ts';
import type { Rng } from './rng.ts';

const PREFIX: [string, string][] = [
  ['上', 'Shang'],
  ['下', 'Xia'],
  ['东', 'Dong'],
  ['西', 'Xi'],
  ['南', 'Nan'],
  ['北', 'Bei'],
  ['前', 'Qian'],
  ['后', 'Hou'],
  ['大', 'Da'],
  ['小', 'Xiao'],
  ['新', 'Xin'],
  ['石', 'Shi'],
  ['竹', 'Zhu'],
  ['柳', 'Liu'],
  ['杨', 'Yang'],
  ['李', 'Li'],
  ['王', 'Wang'],
  ['陈', 'Chen'],
  ['黄', 'Huang'],
  ['马', 'Ma'],
  ['金', 'Jin'],
  ['桃', 'Tao'],
  ['枫', 'Feng'],
  ['梅', 'Mei'],
];
const SUFFIX: [string, string][] = [
  ['塘', 'tang'],
  ['岙', 'ao'],
  ['坞', 'wu'],
  ['桥', 'qiao'],
  ['溪', 'xi'],
  ['畈', 'fan'],
  ['湾', 'wan'],
  ['山', 'shan'],
  ['庄', 'zhuang'],
  ['岭', 'ling'],
  ['坑', 'keng'],
  ['埠', 'bu'],
  ['墩', 'dun'],
  ['园', 'yuan'],
];
const TOWNS: [string, string, boolean][] = [
  ['枫溪镇', 'Fengxi Town', false],
  ['青山镇', 'Qingshan Town', false],
  ['白塔街道', 'Baita Subdistrict', true],
  ['东湖街道', 'Donghu Subdistrict', true],
  ['柳岸镇', 'Liu’an Town', false],
  ['石门乡', 'Shimen Township', false],
  ['桃源镇', 'Taoyuan Town', false],
  ['云岭乡', 'Yunling Township', false],
  ['南湾镇', 'Nanwan Town', false],
  ['北岗镇', 'Beigang Town', false],
  ['安平街道', 'Anping Subdistrict', true],
  ['新桥镇', 'Xinqiao Town', false],
];

export const DEMO_DEPARTMENTS: OrgSpec['departments'] = [
  { key: 'gongan', name: '县公安局', nameEn: 'Public Security Bureau', groups: ['08'] },
  { key: 'zhujian', name: '县住房和城乡建设局', nameEn: 'Housing and Construction Bureau', groups: ['06'] },
  {
    key: 'renshe',
    name: '县人力资源和社会保障局',
    nameEn: 'Human Resources and Social Security Bureau',
    groups: ['05'],
  },
  { key: 'shijian', name: '县市场监督管理局', nameEn: 'Market Regulation Bureau', groups: ['04'] },
  { key: 'ziran', name: '县自然资源和规划局', nameEn: 'Natural Resources and Planning Bureau', groups: [] },
  { key: 'jiaotong', name: '县交通运输局', nameEn: 'Transport Bureau', groups: ['07'] },
  { key: 'weijian', name: '县卫生健康局', nameEn: 'Health Bureau', groups: [] },
  { key: 'shengtai', name: '县生态环境分局', nameEn: 'Ecology and Environment Bureau', groups: ['03'] },
  { key: 'zhifa', name: '县综合行政执法局', nameEn: 'Comprehensive Law Enforcement Bureau', groups: ['02'] },
  { key: 'shuili', name: '县水利局', nameEn: 'Water Resources Bureau', groups: [] },
  { key: 'minzheng', name: '县民政局', nameEn: 'Civil Affairs Bureau', groups: ['09'] },
  { key: 'sifa', name: '县司法局', nameEn: 'Justice Bureau', groups: ['01'] },
  { key: 'jiaoyu', name: '县教育局', nameEn: 'Education Bureau', groups: [] },
  { key: 'xinfang', name: '县信访局', nameEn: 'Petitions Bureau', groups: ['10'] },
  { key: 'nongye', name: '县农业农村局', nameEn: 'Agriculture and Rural Affairs Bureau', groups: ['13'] },
  { key: 'fagai', name: '县发展和改革局', nameEn: 'Development and Reform Bureau', groups: ['11', '12'] },
  { key: 'gongdian', name: '县供电公司', nameEn: 'Power Supply Company', groups: [] },
];

export const DEMO_RESIDENT_PHONE = '13800000001';

/** 和美县: twelve towns, 108 villages and communities, every role staffed. */
export function demoOrgSpec(rng: Rng): OrgSpec {
  const county = { code: '330699', name: '和美县', nameEn: 'Hemei County' };
  const used = new Set<string>();
  const towns = TOWNS.map(([name, nameEn, urban], i) => {
    const code = `${county.code}${101 + i}`;
    const villages = Array.from({ length: 9 }, (_, j) => {
      let p: [string, string];
      let s: [string, string];
      do {
        p = PREFIX[Math.floor(rng() * PREFIX.length)];
        s = SUFFIX[Math.floor(rng() * SUFFIX.length)];
      } while (used.has(p[0] + s[0]));
      used.add(p[0] + s[0]);
      return {
        code: `${code}${201 + j}`,
        name: `${p[0]}${s[0]}${urban ? '社区' : '村'}`,
        nameEn: `${p[1]}${s[1]} ${urban ? 'Community' : 'Village'}`,
      };
    });
    return { code, name, nameEn, villages };
  });
  const t0 = towns[0];
  const users: OrgSpec['users'] = [
    { username: 'admin', displayName: '系统管理员', role: 'admin', region: county.code },
    { username: 'operator', displayName: '话务员 林晓燕', role: 'operator', region: county.code },
    { username: 'dispatcher', displayName: '县指挥中心 周海涛', role: 'dispatcher', region: county.code },
    { username: 'handler', displayName: '住建局 陈志强', role: 'handler', department: 'zhujian' },
    {
      username: 'gridworker',
      displayName: `网格员 王秀英（${t0.villages[0].name}）`,
      role: 'grid_worker',
      region: t0.villages[0].code,
    },
    { username: 'mediator', displayName: `调解员 赵德明（${t0.name}）`, role: 'mediator', region: t0.code },
    { username: 'supervisor', displayName: '督查室 吴建华', role: 'supervisor', region: county.code },
    { username: 'leader', displayName: '分管领导 郑国庆', role: 'leader', region: county.code },
    { username: 'expert', displayName: '法律专家 孙律师', role: 'expert', region: county.code },
    { username: 'counsellor', displayName: '心理咨询师 何静', role: 'counsellor', region: county.code },
    { username: 'resident', displayName: '居民 张先生', role: 'resident', phone: DEMO_RESIDENT_PHONE },
  ];
  for (const t of towns) {
    users.push({
      username: `dispatcher-${t.code}`,
      displayName: `${t.name}指挥室调度员`,
      role: 'dispatcher',
      region: t.code,
    });
    users.push({
      username: `mediator-${t.code}`,
      displayName: `${t.name}调解员`,
      role: 'mediator',
      region: t.code,
    });
    for (const v of t.villages.slice(t === t0 ? 1 : 0))
      users.push({
        username: `gw-${v.code}`,
        displayName: `${v.name}网格员`,
        role: 'grid_worker',
        region: v.code,
      });
  }
  for (const d of DEMO_DEPARTMENTS)
    if (d.key !== 'zhujian')
      users.push({
        username: `handler-${d.key}`,
        displayName: `${d.name}承办人`,
        role: 'handler',
        department: d.key,
      });
  // polygons for every level: irregular, children tiling their parents exactly (decision 0005)
  const geography = generateCountyGeography({ county, towns }, `${county.code}-map`);
  const responsibilities: OrgSpec['responsibilities'] = [
    ['0605', county.code, 'shijian', 'lead'],
    ['0605', county.code, 'zhujian', 'co'],
    ['0112', county.code, 'shuili', 'lead'],
    ['0112', county.code, 'ziran', 'co'],
    ['0105', county.code, 'nongye', 'co'],
    ...towns
      .filter((_, i) => TOWNS[i][2])
      .map((t) => ['0301', t.code, 'zhifa', 'co'] as [string, string, string, 'co']),
  ];
  return { county, towns, departments: DEMO_DEPARTMENTS, users, geography, responsibilities };
}
