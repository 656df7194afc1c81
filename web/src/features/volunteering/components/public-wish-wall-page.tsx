import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { usePublicWishWall, type WishState } from '@/features/volunteering/api/micro-wishes';
import { usePageTitle } from '@/lib/page-title';
import { ApiError } from '@/lib/problem';
import './public-wish-wall-page.css';

const pageStep = 24;

/**
 * A region's micro-wish wall for anyone (心愿墙), without signing in: the community, the kind, the wish, its state and
 * dates, never a name, phone, value or claimant (the API sends none). Plain elements and a small style sheet, like the
 * sign-in page: residents open it on a phone from a shared link, and it carries none of the component library.
 */
export function PublicWishWallPage() {
  const { t, i18n } = useTranslation();
  const { regionId = '' } = useParams();
  const [pageSize, setPageSize] = useState(pageStep);
  const wall = usePublicWishWall(regionId, pageSize);
  usePageTitle(wall.data ? t('wishes.publicTitle', { region: wall.data.regionName }) : t('wishes.title'));

  const failure =
    wall.error instanceof ApiError && (wall.error.status === 404 || wall.error.status === 400)
      ? t('wishes.publicClosed')
      : wall.error instanceof ApiError && wall.error.status === 429
        ? t('wishes.publicTooMany')
        : t('wishes.publicFailed');

  return (
    <main className="wish-wall" lang={i18n.language}>
      <header className="wish-wall-header">
        <h1>{wall.data ? t('wishes.publicTitle', { region: wall.data.regionName }) : t('wishes.title')}</h1>
        <p>{t('wishes.publicIntro')}</p>
      </header>
      {wall.isError && (
        <div className="wish-wall-alert" role="alert">
          {failure}
        </div>
      )}
      {wall.isPending && !wall.isError && <div className="wish-wall-loading" aria-busy="true" />}
      {wall.data && wall.data.items.length === 0 && <p className="wish-wall-empty">{t('wishes.publicEmpty')}</p>}
      {wall.data && wall.data.items.length > 0 && (
        <ul className="wish-wall-list">
          {wall.data.items.map((wish) => (
            <li key={wish.id} className="wish-wall-card">
              <div className="wish-wall-card-top">
                <span className="wish-wall-kind">{t(`wishes.kinds.${wish.kind}`)}</span>
                <span className={`wish-wall-state wish-wall-state-${stateClass(wish.state)}`}>
                  {t(`wishes.states.${wish.state}`)}
                </span>
              </div>
              <p className="wish-wall-text">{wish.description}</p>
              <div className="wish-wall-meta">
                <span>{wish.communityName}</span>
                <span>
                  {t('wishes.placedOnShort', { date: wish.placedOn })}
                  {wish.deliveredOn ? ` · ${t('wishes.deliveredOnShort', { date: wish.deliveredOn })}` : ''}
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}
      {wall.data && wall.data.total > wall.data.items.length && (
        <button
          type="button"
          className="wish-wall-more"
          disabled={wall.isFetching}
          aria-busy={wall.isFetching}
          onClick={() => setPageSize((size) => Math.min(size + pageStep, 200))}
        >
          {t('wishes.more')}
        </button>
      )}
    </main>
  );
}

function stateClass(state: WishState): string {
  return state === 'Open' ? 'open' : state === 'Claimed' ? 'claimed' : 'done';
}

export default PublicWishWallPage;
