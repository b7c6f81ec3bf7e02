import type { ThemeConfig } from 'antd';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#b4232a',
    colorLink: '#1d4ed8',
    borderRadius: 6,
    // WCAG AA contrast (4.5:1 on white) for secondary text, descriptions and placeholders; antd's
    // defaults (45 % and 25 % black) fall short
    colorTextSecondary: '#595959',
    colorTextTertiary: '#595959',
    colorTextDescription: '#595959',
    colorTextPlaceholder: '#767676',
    // danger buttons and error text: antd's #ff4d4f on white is 3.3:1
    colorError: '#cf1322',
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif",
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#1f2329', headerPadding: '0 20px' },
    Menu: { darkItemBg: '#1f2329', darkSubMenuItemBg: '#1f2329' },
  },
};
