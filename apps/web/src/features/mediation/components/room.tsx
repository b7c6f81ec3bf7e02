import { AudioOutlined, FileTextOutlined, SendOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Flex, Input, List, Row, Switch, Tag } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../../lib/api/client.ts';
import { useErrorText } from '../../../lib/errors.ts';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { RoomClient, type RoomPeer } from '../room-client.ts';
import { useLinkStats, VideoGrid } from './room-video.tsx';

interface RoomInfo {
  session: { id: string; mode: string; status: string; scheduledAt: string; recording: string };
  you: RoomPeer;
}

const VIDEO = { width: { ideal: 640 }, height: { ideal: 360 }, frameRate: { ideal: 15 } };

interface ChatLine {
  id: string;
  from: string;
  name: string;
  text: string;
  at: string;
}

/** The mediation room: video between browsers when there is a camera, and always presence, text chat and shared documents. */
export function MediationRoom({ sessionId, token }: { sessionId: string; token: string | null }) {
  const { t, te, dateTime } = useI18n();
  const errorText = useErrorText();
  const info = useQuery({
    queryKey: ['mediation', 'room', sessionId, token],
    queryFn: ({ signal }) =>
      api.get<RoomInfo>(`/mediation/rooms/${encodeURIComponent(sessionId)}`, { token }, signal),
    retry: false,
  });
  const client = useRef<RoomClient | null>(null);
  const [state, setState] = useState<'idle' | 'joining' | 'joined' | 'closed'>('idle');
  const [peers, setPeers] = useState<RoomPeer[]>([]);
  const [chat, setChat] = useState<ChatLine[]>([]);
  const [shares, setShares] = useState<Record<string, string>>({});
  const [local, setLocal] = useState<MediaStream | null>(null);
  const [remote, setRemote] = useState<Record<string, MediaStream>>({});
  const [text, setText] = useState('');
  const [doc, setDoc] = useState('');
  const [consent, setConsent] = useState(false);
  const [recording, setRecording] = useState('off');
  const [roomError, setRoomError] = useState<string | null>(null);

  useEffect(() => () => client.current?.leave(), []);
  const stats = useLinkStats(client, state === 'joined');

  const join = async (withMedia: boolean) => {
    setState('joining');
    let stream: MediaStream | null = null;
    if (withMedia)
      try {
        // modest video: in a mesh each participant sends one stream to every other
        stream = await navigator.mediaDevices.getUserMedia({ video: VIDEO, audio: true });
      } catch {
        setRoomError(t('mediation.room.noCamera'));
      }
    setLocal(stream);
    const proto = window.location.protocol === 'https:' ? 'wss' : 'ws';
    const q = token ? `?token=${encodeURIComponent(token)}` : '';
    const url = `${proto}://${window.location.host}/api/v1/mediation/rooms/${encodeURIComponent(sessionId)}/ws${q}`;
    const c = new RoomClient(url, stream, {
      onPeers: (ps) => setPeers(ps),
      onPeerJoined: (p) => setPeers((ps) => (ps.some((x) => x.id === p.id) ? ps : [...ps, p])),
      onRemoteStream: (peer, s) => {
        if (peer.name) setPeers((ps) => (ps.some((p) => p.id === peer.id) ? ps : [...ps, peer]));
        setRemote((r) => ({ ...r, [peer.id]: s }));
      },
      onPeerLeft: (id) => {
        setPeers((ps) => ps.filter((p) => p.id !== id));
        setRemote(({ [id]: _, ...r }) => r);
      },
      onChat: (m) => setChat((lines) => [...lines, m]),
      onShare: (m) => setShares((s) => ({ ...s, [m.from]: m.state === 'off' ? '' : (m.title ?? m.state) })),
      onRecording: (m) => setRecording(m.state),
      onError: (rule) => setRoomError(rule),
      onClose: () => setState('closed'),
    });
    client.current = c;
    try {
      await c.join();
      setState('joined');
    } catch {
      setState('closed');
    }
  };

  if (info.isLoading) return <p>{t('common.loading')}</p>;
  if (info.error) return <Alert type="error" showIcon title={errorText(info.error)} />;
  const { session, you } = info.data!;
  const send = () => {
    if (!text.trim()) return;
    client.current?.chat(text.trim());
    setText('');
  };
  return (
    <Flex vertical gap={16} data-testid="mediation-room" data-state={state}>
      <Card
        title={t('mediation.room.title')}
        extra={
          <Tag color={session.mode === 'video' ? 'purple' : 'blue'}>
            {te('mediation.e.sessionStatus', session.status)}
          </Tag>
        }
      >
        <p style={{ margin: 0 }}>
          {t('mediation.room.you', { name: you.name, kind: te('mediation.e.participantKind', you.kind) })} ·{' '}
          {dateTime(session.scheduledAt)}
        </p>
        {roomError ? <Alert type="warning" showIcon title={roomError} style={{ marginTop: 12 }} /> : null}
        {state === 'idle' || state === 'closed' ? (
          <Flex gap={8} style={{ marginTop: 12 }} wrap>
            <Button
              type="primary"
              icon={<VideoCameraOutlined />}
              onClick={() => join(true)}
              data-action="join-video"
            >
              {t('mediation.room.joinVideo')}
            </Button>
            <Button icon={<AudioOutlined />} onClick={() => join(false)} data-action="join-text">
              {t('mediation.room.joinText')}
            </Button>
          </Flex>
        ) : null}
      </Card>
      {state === 'joined' ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={15}>
            <Card size="small" title={t('mediation.room.video')}>
              <VideoGrid you={you} local={local} peers={peers} remote={remote} stats={stats} />
            </Card>
            <Card size="small" title={t('mediation.room.presence')} style={{ marginTop: 16 }}>
              <Flex gap={6} wrap data-testid="presence">
                <Tag color="green">{you.name}</Tag>
                {peers.map((p) => (
                  <Tag key={p.id} color="blue" data-peer={p.id}>
                    {p.name} · {te('mediation.e.participantKind', p.kind)}
                  </Tag>
                ))}
              </Flex>
              {Object.entries(shares)
                .filter(([, title]) => title)
                .map(([from, title]) => (
                  <p key={from} data-testid="shared-document" style={{ marginBottom: 0 }}>
                    <FileTextOutlined />{' '}
                    {t('mediation.room.sharing', {
                      name: peers.find((p) => p.id === from)?.name ?? '',
                      title,
                    })}
                  </p>
                ))}
              <Flex gap={8} style={{ marginTop: 12 }}>
                <Input
                  value={doc}
                  onChange={(e) => setDoc(e.target.value)}
                  placeholder={t('mediation.room.docTitle')}
                  maxLength={100}
                />
                <Button
                  icon={<FileTextOutlined />}
                  onClick={() => {
                    if (doc.trim()) client.current?.share('document', doc.trim());
                  }}
                  data-action="share-document"
                >
                  {t('mediation.room.share')}
                </Button>
              </Flex>
              <Flex gap={8} align="center" style={{ marginTop: 12 }}>
                <Switch
                  checked={consent}
                  onChange={(v) => {
                    setConsent(v);
                    client.current?.consentToRecording(v);
                  }}
                />
                <span>{t('mediation.room.consent')}</span>
                <Tag color={recording === 'on' ? 'red' : undefined}>
                  {te('mediation.e.recording', recording)}
                </Tag>
                {you.kind === 'mediator' ? (
                  <Button
                    size="small"
                    onClick={() =>
                      recording === 'on' ? client.current?.stopRecording() : client.current?.startRecording()
                    }
                  >
                    {recording === 'on'
                      ? t('mediation.room.stopRecording')
                      : t('mediation.room.startRecording')}
                  </Button>
                ) : null}
              </Flex>
            </Card>
          </Col>
          <Col xs={24} lg={9}>
            <Card size="small" title={t('mediation.room.chat')}>
              <List
                size="small"
                data-testid="chat"
                dataSource={chat}
                locale={{ emptyText: t('mediation.room.noChat') }}
                style={{ maxHeight: 360, overflow: 'auto' }}
                renderItem={(m) => (
                  <List.Item data-chat-from={m.from}>
                    <div>
                      <div style={{ fontSize: 12, color: '#8c8c8c' }}>
                        {m.name} · {dateTime(m.at)}
                      </div>
                      <div>{m.text}</div>
                    </div>
                  </List.Item>
                )}
              />
              <Flex gap={8} style={{ marginTop: 8 }}>
                <Input
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                  onPressEnter={send}
                  maxLength={2000}
                  placeholder={t('mediation.room.say')}
                  data-testid="chat-input"
                />
                <Button
                  type="primary"
                  icon={<SendOutlined />}
                  onClick={send}
                  data-action="send-chat"
                  aria-label={t('mediation.room.send')}
                />
              </Flex>
            </Card>
          </Col>
        </Row>
      ) : null}
    </Flex>
  );
}
